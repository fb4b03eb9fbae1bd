CREATE TYPE "public"."booking_action" AS ENUM('requested', 'confirmed', 'declined', 'proposed', 'accepted', 'rejected', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."booking_side" AS ENUM('vehicle_user', 'workshop');--> statement-breakpoint
CREATE TYPE "public"."booking_status" AS ENUM('requested', 'confirmed', 'declined', 'proposed', 'cancelled');--> statement-breakpoint
CREATE TABLE "booking_closed_dates" (
	"workshop_id" uuid NOT NULL,
	"date" date NOT NULL,
	"note" text,
	CONSTRAINT "booking_closed_dates_workshop_id_date_pk" PRIMARY KEY("workshop_id","date")
);
--> statement-breakpoint
CREATE TABLE "booking_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"booking_id" uuid NOT NULL,
	"action" "booking_action" NOT NULL,
	"status" "booking_status" NOT NULL,
	"side" "booking_side" NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"reason" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workshop_id" uuid NOT NULL,
	"vehicle_id" uuid NOT NULL,
	"booker_user_id" uuid,
	"booker_name" text NOT NULL,
	"status" "booking_status" NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"proposed_start_at" timestamp with time zone,
	"proposed_end_at" timestamp with time zone,
	"service_types" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"mileage_km" integer,
	"decline_reason" text,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "bookings_end_after_start" CHECK ("bookings"."end_at" > "bookings"."start_at"),
	CONSTRAINT "bookings_proposal_while_proposed" CHECK (("bookings"."status" = 'proposed') = ("bookings"."proposed_start_at" is not null and "bookings"."proposed_end_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "service_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workshop_id" uuid NOT NULL,
	"name" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "service_types_duration" CHECK ("service_types"."duration_minutes" between 5 and 1440)
);
--> statement-breakpoint
CREATE TABLE "workshop_booking_settings" (
	"workshop_id" uuid PRIMARY KEY NOT NULL,
	"opening_hours" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"slot_minutes" integer DEFAULT 60 NOT NULL,
	"capacity" integer DEFAULT 1 NOT NULL,
	"cancellation_cutoff_hours" integer DEFAULT 24 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by_user_id" uuid,
	CONSTRAINT "workshop_booking_settings_slot_minutes" CHECK ("workshop_booking_settings"."slot_minutes" between 5 and 480),
	CONSTRAINT "workshop_booking_settings_capacity" CHECK ("workshop_booking_settings"."capacity" between 1 and 100),
	CONSTRAINT "workshop_booking_settings_cutoff" CHECK ("workshop_booking_settings"."cancellation_cutoff_hours" between 0 and 336)
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
ALTER TABLE "booking_closed_dates" ADD CONSTRAINT "booking_closed_dates_workshop_id_organizations_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_events" ADD CONSTRAINT "booking_events_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_events" ADD CONSTRAINT "booking_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_workshop_id_organizations_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_vehicle_id_vehicles_id_fk" FOREIGN KEY ("vehicle_id") REFERENCES "public"."vehicles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_booker_user_id_users_id_fk" FOREIGN KEY ("booker_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_types" ADD CONSTRAINT "service_types_workshop_id_organizations_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_booking_settings" ADD CONSTRAINT "workshop_booking_settings_workshop_id_organizations_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_booking_settings" ADD CONSTRAINT "workshop_booking_settings_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "booking_events_booking" ON "booking_events" USING btree ("booking_id","seq");--> statement-breakpoint
CREATE INDEX "bookings_workshop_start" ON "bookings" USING btree ("workshop_id","start_at");--> statement-breakpoint
CREATE INDEX "bookings_vehicle_start" ON "bookings" USING btree ("vehicle_id","start_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "service_types_workshop_name" ON "service_types" USING btree ("workshop_id",lower("name"));
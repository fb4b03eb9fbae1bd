CREATE TYPE "public"."fuel_type" AS ENUM('petrol', 'diesel', 'electric', 'hybrid', 'plug_in_hybrid', 'other');--> statement-breakpoint
CREATE TYPE "public"."sharing_level" AS ENUM('shared', 'limited');--> statement-breakpoint
CREATE TYPE "public"."vehicle_role" AS ENUM('primary', 'secondary');--> statement-breakpoint
CREATE TABLE "vehicle_memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vehicle_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "vehicle_role" NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vehicles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workshop_id" uuid NOT NULL,
	"account_id" uuid,
	"vin" text NOT NULL,
	"registration_number" text NOT NULL,
	"make" text NOT NULL,
	"model" text NOT NULL,
	"year" integer,
	"fuel_type" "fuel_type",
	"sharing_level" "sharing_level" DEFAULT 'shared' NOT NULL,
	"sharing_chosen_at" timestamp with time zone,
	"device_token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vehicle_memberships" ADD CONSTRAINT "vehicle_memberships_vehicle_id_vehicles_id_fk" FOREIGN KEY ("vehicle_id") REFERENCES "public"."vehicles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicle_memberships" ADD CONSTRAINT "vehicle_memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicles" ADD CONSTRAINT "vehicles_workshop_id_organizations_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicles" ADD CONSTRAINT "vehicles_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "vehicle_memberships_vehicle_user" ON "vehicle_memberships" USING btree ("vehicle_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vehicle_memberships_one_primary" ON "vehicle_memberships" USING btree ("vehicle_id") WHERE "vehicle_memberships"."role" = 'primary';--> statement-breakpoint
CREATE INDEX "vehicle_memberships_user" ON "vehicle_memberships" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vehicles_vin" ON "vehicles" USING btree ("vin");--> statement-breakpoint
CREATE UNIQUE INDEX "vehicles_device_token_hash" ON "vehicles" USING btree ("device_token_hash");--> statement-breakpoint
CREATE INDEX "vehicles_workshop" ON "vehicles" USING btree ("workshop_id");--> statement-breakpoint
CREATE INDEX "vehicles_registration_prefix" ON "vehicles" USING btree (lower("registration_number") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "vehicles_vin_prefix" ON "vehicles" USING btree ("vin" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_one_pending_primary" ON "invitations" USING btree ("scope") WHERE "invitations"."status" = 'pending' and "invitations"."kind" = 'vehicle_primary';
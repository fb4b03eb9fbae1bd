CREATE TYPE "public"."telemetry_type" AS ENUM('position', 'ignition', 'odometer', 'fuel', 'battery', 'warning_light');--> statement-breakpoint
CREATE TABLE "telemetry_events" (
	"vehicle_id" uuid NOT NULL,
	"event_id" text NOT NULL,
	"type" "telemetry_type" NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"lat" double precision,
	"lon" double precision,
	"speed_kmh" real,
	"heading" real,
	"is_on" boolean,
	"km" double precision,
	"percent" real,
	"code" text,
	"description" text,
	CONSTRAINT "telemetry_events_vehicle_id_event_id_pk" PRIMARY KEY("vehicle_id","event_id")
);
--> statement-breakpoint
ALTER TABLE "telemetry_events" ADD CONSTRAINT "telemetry_events_vehicle_id_vehicles_id_fk" FOREIGN KEY ("vehicle_id") REFERENCES "public"."vehicles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "telemetry_events_vehicle_type_ts" ON "telemetry_events" USING btree ("vehicle_id","type","ts" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "telemetry_events_warning_lights" ON "telemetry_events" USING btree ("vehicle_id","code","ts") WHERE "telemetry_events"."type" = 'warning_light';
CREATE TYPE "public"."statement_line_kind" AS ENUM('session', 'correction');--> statement-breakpoint
CREATE TYPE "public"."statement_status" AS ENUM('approved', 'awaiting_approval', 'rejected');--> statement-breakpoint
CREATE TABLE "charging_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"secret_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_user_id" uuid,
	"rotated_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "charging_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"charging_key_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"account_id" uuid NOT NULL,
	"user_id" uuid,
	"charger_id" text NOT NULL,
	"is_private" boolean NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL,
	"energy_wh" integer NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "charging_sessions_times" CHECK ("charging_sessions"."ended_at" >= "charging_sessions"."started_at"),
	CONSTRAINT "charging_sessions_energy" CHECK ("charging_sessions"."energy_wh" between 0 and 1000000)
);
--> statement-breakpoint
CREATE TABLE "reimbursement_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"account_id" uuid NOT NULL,
	"user_id" uuid,
	"rate_eur" numeric(12, 4),
	"effective_from" timestamp with time zone NOT NULL,
	"set_by_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statement_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"statement_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"kind" "statement_line_kind" NOT NULL,
	"session_month" text NOT NULL,
	"energy_wh" integer NOT NULL,
	"rate_eur" numeric(12, 4) NOT NULL,
	"amount_eur" numeric(20, 7) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statement_months" (
	"month" text PRIMARY KEY NOT NULL,
	"time_zone" text NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone NOT NULL,
	"closed_by_user_id" uuid,
	CONSTRAINT "statement_months_month" CHECK ("statement_months"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"month" text NOT NULL,
	"account_id" uuid NOT NULL,
	"user_id" uuid,
	"status" "statement_status" NOT NULL,
	"energy_wh" bigint NOT NULL,
	"amount_exact_eur" numeric(20, 7) NOT NULL,
	"amount_eur" numeric(14, 2) NOT NULL,
	"session_count" integer NOT NULL,
	"correction_count" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_user_id" uuid,
	"rejection_reason" text,
	CONSTRAINT "statements_rejection_reason" CHECK (("statements"."status" = 'rejected') = ("statements"."rejection_reason" is not null))
);
--> statement-breakpoint
ALTER TABLE "charging_keys" ADD CONSTRAINT "charging_keys_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charging_sessions" ADD CONSTRAINT "charging_sessions_charging_key_id_charging_keys_id_fk" FOREIGN KEY ("charging_key_id") REFERENCES "public"."charging_keys"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charging_sessions" ADD CONSTRAINT "charging_sessions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charging_sessions" ADD CONSTRAINT "charging_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reimbursement_rates" ADD CONSTRAINT "reimbursement_rates_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reimbursement_rates" ADD CONSTRAINT "reimbursement_rates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reimbursement_rates" ADD CONSTRAINT "reimbursement_rates_set_by_user_id_users_id_fk" FOREIGN KEY ("set_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_lines" ADD CONSTRAINT "statement_lines_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_lines" ADD CONSTRAINT "statement_lines_session_id_charging_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."charging_sessions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_months" ADD CONSTRAINT "statement_months_closed_by_user_id_users_id_fk" FOREIGN KEY ("closed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_month_statement_months_month_fk" FOREIGN KEY ("month") REFERENCES "public"."statement_months"("month") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "charging_sessions_key_external" ON "charging_sessions" USING btree ("charging_key_id","external_id");--> statement-breakpoint
CREATE INDEX "charging_sessions_account_ended" ON "charging_sessions" USING btree ("account_id","ended_at");--> statement-breakpoint
CREATE INDEX "charging_sessions_user_ended" ON "charging_sessions" USING btree ("user_id","ended_at");--> statement-breakpoint
CREATE INDEX "charging_sessions_private_ended" ON "charging_sessions" USING btree ("ended_at") WHERE "charging_sessions"."is_private";--> statement-breakpoint
CREATE INDEX "reimbursement_rates_subject" ON "reimbursement_rates" USING btree ("account_id","user_id","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "statement_lines_session" ON "statement_lines" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "statement_lines_statement" ON "statement_lines" USING btree ("statement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "statements_account_month" ON "statements" USING btree ("account_id","month") WHERE "statements"."user_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "statements_account_user_month" ON "statements" USING btree ("account_id","user_id","month") WHERE "statements"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "statements_month_status" ON "statements" USING btree ("month","status");--> statement-breakpoint
CREATE INDEX "statements_user" ON "statements" USING btree ("user_id");
CREATE TYPE "public"."organization_kind" AS ENUM('operator', 'workshop');--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "organization_kind" NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_single_operator" ON "organizations" USING btree ("kind") WHERE "organizations"."kind" = 'operator';
CREATE TYPE "public"."agency_assessment_state" AS ENUM('collecting', 'self_assessment', 'review', 'reviewed', 'notice', 'rectification', 'closed');--> statement-breakpoint
CREATE TYPE "public"."assessment_cycle_state" AS ENUM('collecting', 'self_assessment', 'review', 'notice', 'final', 'closed');--> statement-breakpoint
CREATE TABLE "assessment_agencies" (
	"year" integer NOT NULL,
	"agency_code" text NOT NULL,
	"agency_name" text NOT NULL,
	"state" "agency_assessment_state" NOT NULL,
	"overdue" boolean DEFAULT false NOT NULL,
	"metrics" jsonb,
	"applicable" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deadlines" jsonb,
	"self_due_date" date,
	"review_due_date" date,
	"self_assessment" jsonb,
	"self_assessment_missed" boolean DEFAULT false NOT NULL,
	"assessor_id" text,
	"assessor" jsonb,
	"review" jsonb,
	"result" jsonb,
	"total" double precision,
	"grade" text,
	"rank" integer,
	"appeal" jsonb,
	"appeal_pending" boolean DEFAULT false NOT NULL,
	"rectification" jsonb,
	"overdue_stages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "assessment_agencies_year_agency_code_pk" PRIMARY KEY("year","agency_code")
);
--> statement-breakpoint
CREATE TABLE "assessment_cycles" (
	"year" integer PRIMARY KEY NOT NULL,
	"workflow_id" text NOT NULL,
	"run_id" text NOT NULL,
	"state" "assessment_cycle_state" NOT NULL,
	"indicators_version" text NOT NULL,
	"indicators" jsonb NOT NULL,
	"agency_count" integer NOT NULL,
	"started_by" jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"deadlines" jsonb NOT NULL,
	"published_at" jsonb NOT NULL,
	"rectifying" integer DEFAULT 0 NOT NULL,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_indicator_sets" (
	"version" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"grades" jsonb NOT NULL,
	"indicators" jsonb NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_agencies" ADD CONSTRAINT "assessment_agencies_year_assessment_cycles_year_fk" FOREIGN KEY ("year") REFERENCES "public"."assessment_cycles"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_cycles" ADD CONSTRAINT "assessment_cycles_indicators_version_assessment_indicator_sets_version_fk" FOREIGN KEY ("indicators_version") REFERENCES "public"."assessment_indicator_sets"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_agencies_state_idx" ON "assessment_agencies" USING btree ("year","state");--> statement-breakpoint
CREATE INDEX "assessment_agencies_assessor_idx" ON "assessment_agencies" USING btree ("assessor_id","year");
CREATE TABLE "case_tasks" (
	"case_type" text NOT NULL,
	"case_id" text NOT NULL,
	"seq" smallint NOT NULL,
	"role" text NOT NULL,
	"agency" text,
	"user_id" text,
	"actions" text[] NOT NULL,
	"due_at" timestamp with time zone,
	"due_date" date,
	"lapses_at" timestamp with time zone,
	CONSTRAINT "case_tasks_case_type_case_id_seq_pk" PRIMARY KEY("case_type","case_id","seq")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"case_type" text NOT NULL,
	"case_id" text NOT NULL,
	"version" integer NOT NULL,
	"state" text NOT NULL,
	"open" boolean NOT NULL,
	"title" text NOT NULL,
	"resource_name" text,
	"agencies" text[] NOT NULL,
	"users" text[] NOT NULL,
	"responding_agency" text,
	"due_at" timestamp with time zone,
	"due_date" date,
	"overdue" boolean NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	"view" jsonb NOT NULL,
	CONSTRAINT "cases_case_type_case_id_pk" PRIMARY KEY("case_type","case_id")
);
--> statement-breakpoint
CREATE INDEX "case_tasks_party_idx" ON "case_tasks" USING btree ("role","agency","due_at");--> statement-breakpoint
CREATE INDEX "case_tasks_user_idx" ON "case_tasks" USING btree ("user_id","due_at") WHERE "case_tasks"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "cases_agencies_idx" ON "cases" USING gin ("agencies") WHERE "cases"."open";--> statement-breakpoint
CREATE INDEX "cases_open_due_idx" ON "cases" USING btree ("due_at") WHERE "cases"."open";--> statement-breakpoint
CREATE INDEX "cases_opened_idx" ON "cases" USING btree ("case_type","opened_at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","id");
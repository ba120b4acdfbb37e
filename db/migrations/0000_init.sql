CREATE TYPE "public"."agency_level" AS ENUM('municipal', 'county');--> statement-breakpoint
CREATE TYPE "public"."freshness" AS ENUM('fresh', 'due', 'overdue', 'delinquent');--> statement-breakpoint
CREATE TYPE "public"."open_type" AS ENUM('unconditional', 'conditional', 'not_open');--> statement-breakpoint
CREATE TYPE "public"."share_type" AS ENUM('unconditional', 'conditional', 'not_shared');--> statement-breakpoint
CREATE TYPE "public"."update_cycle" AS ENUM('realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly');--> statement-breakpoint
CREATE TYPE "public"."delivery_method" AS ENUM('api', 'batch', 'file', 'verification');--> statement-breakpoint
CREATE TYPE "public"."grant_state" AS ENUM('active', 'expired', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."share_application_state" AS ENUM('pending_review', 'awaiting_supplement', 'granted', 'rejected', 'in_objection', 'withdrawn', 'closed', 'expired', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."notification_audience" AS ENUM('user', 'agency', 'bureau');--> statement-breakpoint
CREATE TYPE "public"."objection_outcome" AS ENUM('share', 'conditional_share', 'uphold_refusal');--> statement-breakpoint
CREATE TYPE "public"."objection_state" AS ENUM('negotiating', 'coordinating', 'escalated', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."open_data_state" AS ENUM('formal_check', 'returned', 'provider_review', 'awaiting_agreement', 'active', 'suspended', 'rejected', 'lapsed', 'revoked', 'expired');--> statement-breakpoint
CREATE TYPE "public"."correction_state" AS ENUM('forwarding', 'verifying', 'corrected', 'no_change', 'transferred');--> statement-breakpoint
CREATE TABLE "agencies" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" "agency_level" NOT NULL,
	"region" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_data_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"provider_agency" text NOT NULL,
	"description" text,
	"fields" jsonb NOT NULL,
	"share_type" "share_type" NOT NULL,
	"open_type" "open_type" NOT NULL,
	"legal_basis" text,
	"share_conditions" text,
	"open_conditions" text,
	"update_cycle" "update_cycle" NOT NULL,
	"last_data_update_at" timestamp with time zone,
	"freshness" "freshness" DEFAULT 'fresh' NOT NULL,
	"disputed" boolean DEFAULT false NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_resources_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "share_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workflow_id" text NOT NULL,
	"applicant_agency" text NOT NULL,
	"provider_agency" text NOT NULL,
	"resource_id" uuid NOT NULL,
	"resource_code" text NOT NULL,
	"resource_name" text NOT NULL,
	"share_type" text NOT NULL,
	"fields" jsonb NOT NULL,
	"purpose" text NOT NULL,
	"duty_basis" text NOT NULL,
	"usage_scope" text NOT NULL,
	"period_months" integer NOT NULL,
	"delivery_method" "delivery_method" NOT NULL,
	"security_measures" text,
	"state" "share_application_state" NOT NULL,
	"overdue" boolean DEFAULT false NOT NULL,
	"review_due_at" timestamp with time zone,
	"review_due_date" date,
	"supplement_due_at" timestamp with time zone,
	"supplement_due_date" date,
	"objection_due_at" timestamp with time zone,
	"objection_due_date" date,
	"deadline_provisional" boolean DEFAULT false NOT NULL,
	"missing" jsonb,
	"decision" jsonb,
	"extension" jsonb,
	"supplements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"renewal" jsonb,
	"urged_count" integer DEFAULT 0 NOT NULL,
	"submitted_by" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL,
	CONSTRAINT "share_applications_workflow_id_unique" UNIQUE("workflow_id")
);
--> statement-breakpoint
CREATE TABLE "share_grants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"applicant_agency" text NOT NULL,
	"provider_agency" text NOT NULL,
	"resource_id" uuid NOT NULL,
	"fields" jsonb NOT NULL,
	"conditions" text,
	"state" "grant_state" NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"expires_date" date NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"credential_hash" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "share_grants_application_id_unique" UNIQUE("application_id"),
	CONSTRAINT "share_grants_credential_hash_unique" UNIQUE("credential_hash")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"case_id" text NOT NULL,
	"status_code" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"holidays" jsonb NOT NULL,
	"workdays" jsonb NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_chain_head" (
	"singleton" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"last_id" bigint NOT NULL,
	"last_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY NOT NULL,
	"event_key" text NOT NULL,
	"case_type" text NOT NULL,
	"case_id" text NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"actor_id" text NOT NULL,
	"actor_name" text,
	"actor_role" text NOT NULL,
	"actor_agency" text,
	"at" timestamp with time zone NOT NULL,
	"reason" text,
	"legal_basis" text,
	"data" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_events_event_key_unique" UNIQUE("event_key")
);
--> statement-breakpoint
CREATE TABLE "notification_reads" (
	"notification_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_reads_notification_id_user_id_pk" PRIMARY KEY("notification_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_key" text NOT NULL,
	"audience" "notification_audience" NOT NULL,
	"recipient" text,
	"case_type" text NOT NULL,
	"case_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_event_key_unique" UNIQUE("event_key")
);
--> statement-breakpoint
CREATE TABLE "objections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workflow_id" text NOT NULL,
	"application_id" uuid NOT NULL,
	"applicant_agency" text NOT NULL,
	"provider_agency" text NOT NULL,
	"resource_code" text NOT NULL,
	"resource_name" text NOT NULL,
	"refusal" jsonb NOT NULL,
	"statement" text NOT NULL,
	"duty_basis" text,
	"filed_by" jsonb NOT NULL,
	"state" "objection_state" NOT NULL,
	"overdue" boolean DEFAULT false NOT NULL,
	"coordinator" jsonb,
	"negotiation_due_at" timestamp with time zone,
	"negotiation_due_date" date,
	"statement_due_at" timestamp with time zone,
	"statement_due_date" date,
	"coordination_due_at" timestamp with time zone,
	"coordination_due_date" date,
	"deadline_provisional" boolean DEFAULT false NOT NULL,
	"statements" jsonb NOT NULL,
	"minutes" jsonb NOT NULL,
	"escalation" jsonb,
	"ruling" jsonb,
	"outcome" "objection_outcome",
	"filed_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL,
	CONSTRAINT "objections_workflow_id_unique" UNIQUE("workflow_id")
);
--> statement-breakpoint
CREATE TABLE "agreement_texts" (
	"version" integer PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"published_by" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credentials" (
	"id" uuid PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"kind" text NOT NULL,
	"case_id" uuid NOT NULL,
	"holder" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "credentials_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
CREATE TABLE "open_data_deny_list" (
	"resource_id" uuid NOT NULL,
	"requester_key" text NOT NULL,
	"reason" text NOT NULL,
	"request_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "open_data_deny_list_resource_id_requester_key_pk" PRIMARY KEY("resource_id","requester_key")
);
--> statement-breakpoint
CREATE TABLE "open_data_identities" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"identifier" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "open_data_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workflow_id" text NOT NULL,
	"resource_id" uuid NOT NULL,
	"resource_code" text NOT NULL,
	"resource_name" text NOT NULL,
	"provider_agency" text NOT NULL,
	"fields" jsonb NOT NULL,
	"requester_kind" text NOT NULL,
	"requester_name" text NOT NULL,
	"requester_masked" text NOT NULL,
	"requester_key" text NOT NULL,
	"requester_contact" text NOT NULL,
	"requester_user" text NOT NULL,
	"purpose" text NOT NULL,
	"scenario" text NOT NULL,
	"period_months" integer NOT NULL,
	"security_measures" text NOT NULL,
	"state" "open_data_state" NOT NULL,
	"overdue" boolean DEFAULT false NOT NULL,
	"formal_check_due_at" timestamp with time zone,
	"formal_check_due_date" date,
	"review_due_at" timestamp with time zone,
	"review_due_date" date,
	"agreement_due_at" timestamp with time zone,
	"agreement_due_date" date,
	"next_report_due_at" timestamp with time zone,
	"next_report_due_date" date,
	"grace_due_date" date,
	"deadline_provisional" boolean DEFAULT false NOT NULL,
	"returned_reasons" jsonb,
	"decision" jsonb,
	"agreement_version" integer,
	"signature" jsonb,
	"activated_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"expires_date" date,
	"reports" jsonb NOT NULL,
	"warnings" integer DEFAULT 0 NOT NULL,
	"revocation" jsonb,
	"submitted_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL,
	CONSTRAINT "open_data_requests_workflow_id_unique" UNIQUE("workflow_id")
);
--> statement-breakpoint
CREATE TABLE "corrections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workflow_id" text NOT NULL,
	"resource_id" uuid NOT NULL,
	"resource_code" text NOT NULL,
	"resource_name" text NOT NULL,
	"provider_agency" text NOT NULL,
	"assigned_agency" text NOT NULL,
	"record_ref" text NOT NULL,
	"field" text,
	"current_value" text,
	"claimed_value" text,
	"description" text NOT NULL,
	"evidence" text,
	"reporter_id" text NOT NULL,
	"reporter_agency" text,
	"state" "correction_state" NOT NULL,
	"overdue" boolean DEFAULT false NOT NULL,
	"verify_due_at" timestamp with time zone,
	"verify_due_date" date,
	"extension" jsonb,
	"outcome" jsonb,
	"transferred_from" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL,
	CONSTRAINT "corrections_workflow_id_unique" UNIQUE("workflow_id")
);
--> statement-breakpoint
ALTER TABLE "catalog_data_updates" ADD CONSTRAINT "catalog_data_updates_resource_id_catalog_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."catalog_resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_resources" ADD CONSTRAINT "catalog_resources_provider_agency_agencies_code_fk" FOREIGN KEY ("provider_agency") REFERENCES "public"."agencies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_applications" ADD CONSTRAINT "share_applications_resource_id_catalog_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."catalog_resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_grants" ADD CONSTRAINT "share_grants_application_id_share_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."share_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_reads" ADD CONSTRAINT "notification_reads_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_application_id_share_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."share_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_data_requests" ADD CONSTRAINT "open_data_requests_resource_id_catalog_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."catalog_resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections" ADD CONSTRAINT "corrections_resource_id_catalog_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."catalog_resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_data_updates_resource_idx" ON "catalog_data_updates" USING btree ("resource_id","at");--> statement-breakpoint
CREATE INDEX "catalog_resources_provider_idx" ON "catalog_resources" USING btree ("provider_agency","created_at","id");--> statement-breakpoint
CREATE INDEX "catalog_resources_created_idx" ON "catalog_resources" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "share_applications_applicant_idx" ON "share_applications" USING btree ("applicant_agency","submitted_at","id");--> statement-breakpoint
CREATE INDEX "share_applications_provider_idx" ON "share_applications" USING btree ("provider_agency","submitted_at","id");--> statement-breakpoint
CREATE INDEX "share_applications_state_idx" ON "share_applications" USING btree ("state","submitted_at","id");--> statement-breakpoint
CREATE INDEX "share_applications_submitted_idx" ON "share_applications" USING btree ("submitted_at","id");--> statement-breakpoint
CREATE INDEX "share_applications_resource_idx" ON "share_applications" USING btree ("resource_id","submitted_at");--> statement-breakpoint
CREATE INDEX "share_applications_overdue_idx" ON "share_applications" USING btree ("submitted_at","id") WHERE "share_applications"."overdue";--> statement-breakpoint
CREATE INDEX "share_grants_expiry_idx" ON "share_grants" USING btree ("state","expires_at");--> statement-breakpoint
CREATE INDEX "audit_events_case_idx" ON "audit_events" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("audience","recipient","created_at");--> statement-breakpoint
CREATE INDEX "notifications_case_idx" ON "notifications" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "objections_state_idx" ON "objections" USING btree ("state","filed_at","id");--> statement-breakpoint
CREATE INDEX "objections_applicant_idx" ON "objections" USING btree ("applicant_agency","filed_at","id");--> statement-breakpoint
CREATE INDEX "objections_provider_idx" ON "objections" USING btree ("provider_agency","filed_at","id");--> statement-breakpoint
CREATE INDEX "objections_filed_idx" ON "objections" USING btree ("filed_at","id");--> statement-breakpoint
CREATE INDEX "objections_application_idx" ON "objections" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "credentials_case_idx" ON "credentials" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "open_data_requests_requester_idx" ON "open_data_requests" USING btree ("requester_user","submitted_at","id");--> statement-breakpoint
CREATE INDEX "open_data_requests_provider_idx" ON "open_data_requests" USING btree ("provider_agency","submitted_at","id");--> statement-breakpoint
CREATE INDEX "open_data_requests_state_idx" ON "open_data_requests" USING btree ("state","submitted_at","id");--> statement-breakpoint
CREATE INDEX "open_data_requests_submitted_idx" ON "open_data_requests" USING btree ("submitted_at","id");--> statement-breakpoint
CREATE INDEX "corrections_assigned_idx" ON "corrections" USING btree ("assigned_agency","submitted_at","id");--> statement-breakpoint
CREATE INDEX "corrections_reporter_idx" ON "corrections" USING btree ("reporter_id","submitted_at","id");--> statement-breakpoint
CREATE INDEX "corrections_state_idx" ON "corrections" USING btree ("state","submitted_at","id");--> statement-breakpoint
CREATE INDEX "corrections_resource_idx" ON "corrections" USING btree ("resource_id","state");
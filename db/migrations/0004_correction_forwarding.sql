ALTER TABLE "corrections" ADD COLUMN "forward_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "corrections" ADD COLUMN "forward_due_date" date;--> statement-breakpoint
ALTER TABLE "corrections" ADD COLUMN "returned" jsonb;
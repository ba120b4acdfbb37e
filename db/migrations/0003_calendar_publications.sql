CREATE TABLE "calendar_publications" (
	"id" text PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"state" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"told" integer DEFAULT 0 NOT NULL,
	"gone" integer DEFAULT 0 NOT NULL,
	"retold" integer DEFAULT 0 NOT NULL,
	"retrying" integer DEFAULT 0 NOT NULL,
	"pass" text DEFAULT 'open' NOT NULL,
	"cursor" jsonb,
	"published_by" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);

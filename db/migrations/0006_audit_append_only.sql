-- The audit trail is append-only in the database itself: no update, delete or truncate of an event
-- or a checkpoint, whoever asks (the chain head, rewritten with every event, is not part of it).
-- Only someone who can drop or disable these triggers (the tables' owner, a superuser) gets past
-- them, and the keyed chain and the checkpoints kept outside then tell. docs/operations.md says how
-- to run the API and the worker as a role that may not even try (db/roles.sql).
CREATE OR REPLACE FUNCTION shuzhi_audit_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION shuzhi_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION shuzhi_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON "audit_checkpoints"
  FOR EACH ROW EXECUTE FUNCTION shuzhi_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON "audit_checkpoints"
  FOR EACH STATEMENT EXECUTE FUNCTION shuzhi_audit_append_only();

-- Separate roles for a production database (docs/operations.md "Audit chain"). Migration 0007 does the
-- same when the migrating role may create roles; where it may not (it left a notice), run this once as one
-- that may, after `npm run migrate`, then give the API and the worker shuzhi_app's login.
-- shuzhi_app reads and writes the application's tables, but on the audit trail it may only read and
-- append: no update, no delete, no truncate, and it owns nothing, so it cannot drop the triggers.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'shuzhi_app') THEN
    CREATE ROLE shuzhi_app NOLOGIN;
  END IF;
END
$$;
GRANT USAGE ON SCHEMA public TO shuzhi_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO shuzhi_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO shuzhi_app;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events, audit_checkpoints FROM shuzhi_app;
-- Tables and sequences a later migration adds (run by the same owner) are the application's too.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO shuzhi_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO shuzhi_app;
-- The login the processes use: CREATE ROLE shuzhi_api LOGIN PASSWORD '…' IN ROLE shuzhi_app;

-- The application's role (docs/operations.md "Audit chain"), set up by the migrations: shuzhi_app reads and
-- writes the application's tables, but on the audit trail it may only read and append (no update, no
-- delete, no truncate), and it owns nothing, so it cannot drop the triggers of 0006. The API and the worker
-- log in as a role of its own (CREATE ROLE shuzhi_api LOGIN PASSWORD '…' IN ROLE shuzhi_app). A migrating
-- role that may not create roles (some managed services) leaves a notice, and db/roles.sql does it later.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'shuzhi_app') THEN
    BEGIN
      CREATE ROLE shuzhi_app NOLOGIN;
    EXCEPTION
      WHEN insufficient_privilege THEN
        RAISE NOTICE 'shuzhi_app was not created: this role may not create roles; run db/roles.sql as one that may';
      WHEN duplicate_object OR unique_violation THEN
        NULL; -- another database of the same cluster created it at the same moment
    END;
  END IF;
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'shuzhi_app') THEN
    GRANT USAGE ON SCHEMA public TO shuzhi_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO shuzhi_app;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO shuzhi_app;
    REVOKE UPDATE, DELETE, TRUNCATE ON audit_events, audit_checkpoints FROM shuzhi_app;
    -- Tables and sequences a later migration adds (run by the same owner) are the application's too.
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO shuzhi_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO shuzhi_app;
  END IF;
END
$$;

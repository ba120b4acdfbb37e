-- Separate roles for a production database (docs/operations.md "Audit chain"): migration 0007 sets up
-- shuzhi_app when the migrating role may create roles. Where it may not (the migration left a notice),
-- run the same migration once more, as a role that may, after `npm run migrate`:
--   psql "$OWNER_DATABASE_URL" -f db/roles.sql
-- then give the API and the worker a login in shuzhi_app:
--   CREATE ROLE shuzhi_api LOGIN PASSWORD '…' IN ROLE shuzhi_app;
\ir migrations/0007_app_role.sql

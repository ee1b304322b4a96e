-- Ferry's restricted runtime role (docs/operations.md, "A restricted runtime role"; docs/security.md, "Audit").
--
-- The owner role (owner_role) owns the schema and runs the migrations; Ferry serves requests as app_role, which owns
-- nothing, cannot change the schema, and may only add to and read the audit trail: no UPDATE, DELETE or TRUNCATE on
-- audit_event. Run it once with psql as a superuser (or your provider's admin role), connected to Ferry's database,
-- after Ferry has started once as the owner role (the tables must exist); PostgreSQL 15 or later:
--
--   psql -d ferry -v owner_role=ferry -v app_role=ferry_app -v app_password='…' -f docs/sql/app-role.sql
--
-- Then run Ferry with FERRY_DB_USER=ferry_app (and its password) and FERRY_DB_MIGRATION_USER=ferry
-- (and FERRY_DB_MIGRATION_PASSWORD). AuditGrantsTest runs this file as it is and then runs Ferry as app_role.
create role :"app_role" login password :'app_password' nosuperuser nocreatedb nocreaterole noinherit;
grant usage on schema public to :"app_role";
grant select, insert, update, delete on all tables in schema public to :"app_role";
grant usage, select on all sequences in schema public to :"app_role";
-- The audit trail is append-only for Ferry (TRUNCATE was never granted; revoked all the same).
revoke update, delete, truncate on audit_event from :"app_role";
-- The typed facts written beside a portal search or connection change (the study funnel's source) likewise.
revoke update, delete, truncate on connection_event from :"app_role";
-- The chain head is read, locked and moved forward, never added to or removed.
revoke insert, delete, truncate on audit_chain_head from :"app_role";
-- Migrations are the owner's.
revoke all on flyway_schema_history from :"app_role";
-- Tables and sequences that later migrations add (as the owner role) get the same ordinary rights.
alter default privileges for role :"owner_role" in schema public
    grant select, insert, update, delete on tables to :"app_role";
alter default privileges for role :"owner_role" in schema public grant usage, select on sequences to :"app_role";

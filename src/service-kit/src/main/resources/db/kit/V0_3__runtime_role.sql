-- The service's runtime role (${app_role}, quarkus.datasource.username) is not the owner that runs these migrations
-- (quarkus.flyway.username): it reads and writes rows, and nothing else. No DDL (PostgreSQL 15+ gives PUBLIC no CREATE
-- on schema public), no ownership, so it can neither ALTER nor DISABLE TRIGGER nor re-grant itself a privilege.
-- A service restricts it further where a table is append-only (consultation: audit_entry). With one role for both
-- (development only) the grants are no-ops for the owner.
GRANT USAGE ON SCHEMA public TO ${app_role};

-- tables and sequences that exist already (a fresh database: the kit's; a database migrated before the role split:
-- all of them, which is how it moves to the split without being recreated)...
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app_role};
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${app_role};

-- ...and every table and sequence the owner creates in later migrations
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${app_role};

-- the migration history is Flyway's (the owner's) alone (not revoked when both are one role: Flyway writes it)
DO $$
BEGIN
    IF current_user <> '${app_role}' THEN
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM ${app_role};
    END IF;
END
$$;

package org.tcc.stack.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Each service has its own database on the one PostgreSQL server, {@code tcc_<service>}, and two roles on it: the
 * owner {@code tcc_<service>} (owns the database and every table; only Flyway logs in with it) and the runtime role
 * {@code tcc_<service>_app} (what the running service logs in with: the privileges the migrations grant it, no DDL,
 * no ownership). No service reads another's tables.
 */
public final class Databases {

    private Databases() {
    }

    public static String nameOf(String service) {
        return "tcc_" + service.replace('-', '_');
    }

    /** The role that owns the service's database and runs its migrations (the database's name). */
    public static String ownerOf(String service) {
        return nameOf(service);
    }

    /** The role the running service logs in with. */
    public static String appRoleOf(String service) {
        return nameOf(service) + "_app";
    }

    /**
     * Creates the owner role, the runtime role ({@code <database>_app}) and the database owned by the owner when
     * missing (the owner's name equals the database name); both roles get {@code password}. A database created
     * before the role split keeps its owner and data: the runtime role is simply added, and the kit's migration
     * grants it what it needs.
     */
    public static void ensure(String adminJdbcUrl, String adminUser, String adminPassword, String database,
                              String password) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("unsafe database name " + database);
        }
        try (Connection c = DriverManager.getConnection(adminJdbcUrl, adminUser, adminPassword);
             Statement s = c.createStatement()) {
            for (String role : new String[] {database, database + "_app"}) {
                var roles = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'");
                if (!roles.next()) {
                    s.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
                }
            }
            var dbs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!dbs.next()) {
                s.execute("CREATE DATABASE " + database + " OWNER " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
        }
    }
}

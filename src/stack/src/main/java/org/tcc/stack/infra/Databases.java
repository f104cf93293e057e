package org.tcc.stack.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Each service owns its database and role on the one PostgreSQL server: {@code tcc_<service>}. No service reads
 * another's tables.
 */
public final class Databases {

    private Databases() {
    }

    public static String nameOf(String service) {
        return "tcc_" + service.replace('-', '_');
    }

    /** Creates the role and the database owned by it when missing (the role name equals the database name). */
    public static void ensure(String adminJdbcUrl, String adminUser, String adminPassword, String database,
                              String password) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("unsafe database name " + database);
        }
        try (Connection c = DriverManager.getConnection(adminJdbcUrl, adminUser, adminPassword);
             Statement s = c.createStatement()) {
            var roles = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + database + "'");
            if (!roles.next()) {
                s.execute("CREATE ROLE " + database + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
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

package org.tcc.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.tcc.stack.infra.Databases;

/**
 * One real PostgreSQL 17 server per test JVM; each service gets its own database on it, owned by one role (Flyway's)
 * and used at run time by another ({@link Databases}), as in the local stack and production.
 */
public final class TestPostgres {

    public static final String PASSWORD = "test-only";
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** As for the broker: one server per JVM, even across the class loaders of Quarkus test profiles. */
    private static final String SHARED = "tcc.test.postgres.port";

    public static synchronized String jdbcUrl(String service) {
        String database = Databases.nameOf(service);
        Databases.ensure(adminUrl(), "postgres", "postgres", database, PASSWORD);
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    private static synchronized int startedPort() {
        String shared = System.getProperty(SHARED);
        if (shared != null) {
            return Integer.parseInt(shared);
        }
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the test PostgreSQL server: " + e, e);
            }
            System.setProperty(SHARED, String.valueOf(server.getPort()));
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::close, "test-postgres-stop"));
        }
        return server.getPort();
    }

    /** The service's runtime role: what the service under test logs in with. */
    public static String user(String service) {
        return Databases.appRoleOf(service);
    }

    /** The role that owns the service's database and tables and runs its migrations. */
    public static String owner(String service) {
        return Databases.ownerOf(service);
    }

    /** The server's port (starts it if needed). */
    public static int port() {
        return startedPort();
    }

    public static String adminUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/postgres";
    }

    private static synchronized void close() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            // JVM is ending
        }
    }
}

package org.tcc.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.tcc.stack.infra.Databases;

/** One real PostgreSQL 17 server per test JVM; each service gets its own database and role on it. */
public final class TestPostgres {

    public static final String PASSWORD = "test-only";
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    public static synchronized String jdbcUrl(String service) {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the test PostgreSQL server: " + e, e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::close, "test-postgres-stop"));
        }
        String database = Databases.nameOf(service);
        Databases.ensure(adminUrl(), "postgres", "postgres", database, PASSWORD);
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
    }

    public static String user(String service) {
        return Databases.nameOf(service);
    }

    /** The server's port (starts it if needed). */
    public static synchronized int port() {
        jdbcUrl("test");
        return server.getPort();
    }

    public static synchronized String adminUrl() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
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

package org.tcc.stack.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * What a run's figures depend on beyond the code: the database's durability ({@code fsync},
 * {@code synchronous_commit}: with fsync off every commit looks cheaper than in production) and the provider that
 * verified the sensors' ES256 signatures in alert ingestion (it alone can cost more than a core at 1,000 reports/s).
 */
record RunConditions(String fsync, String synchronousCommit, String es256Provider) {

    static final String ES256_MARKER = "ES256 verification provider:";

    static RunConditions read(int postgresPort, Path ingestionLog) {
        String fsync = "unknown";
        String synchronousCommit = "unknown";
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort + "/postgres",
                "postgres", "postgres"); Statement s = c.createStatement()) {
            fsync = show(s, "fsync");
            synchronousCommit = show(s, "synchronous_commit");
        } catch (SQLException e) {
            fsync = synchronousCommit = "unknown (" + e.getMessage() + ")";
        }
        return new RunConditions(fsync, synchronousCommit, es256Provider(ingestionLog));
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet r = s.executeQuery("SHOW " + setting)) {
            return r.next() ? r.getString(1) : "unknown";
        }
    }

    /** The last line of the ingestion log naming its ES256 provider, from the marker on ("not logged" without). */
    static String es256Provider(Path ingestionLog) {
        if (!Files.isRegularFile(ingestionLog)) {
            return "not logged (" + ingestionLog + " missing)";
        }
        try (Stream<String> lines = Files.lines(ingestionLog, StandardCharsets.ISO_8859_1)) {
            return lastProviderLine(lines);
        } catch (IOException | java.io.UncheckedIOException e) {
            return "not logged (" + e.getMessage() + ")";
        }
    }

    /**
     * The last of {@code lines} with the marker (the latest start of the service), from the marker on; in a JSON log
     * line (the services' production format) only up to the end of the message field.
     */
    static String lastProviderLine(Stream<String> lines) {
        return lines.filter(l -> l.contains(ES256_MARKER)).reduce((earlier, later) -> later)
                .map(l -> {
                    String from = l.substring(l.indexOf(ES256_MARKER));
                    int end = from.indexOf("\",\"");
                    return (end < 0 ? from : from.substring(0, end)).trim();
                }).orElse("not logged");
    }

    String describe() {
        return "PostgreSQL fsync=" + fsync + ", synchronous_commit=" + synchronousCommit + "; alert-ingestion "
                + es256Provider;
    }
}

package org.tcc.consultation.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcc.consultation.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.tcc.consultation.Api;
import org.tcc.consultation.service.AuditCheckpoints;
import org.tcc.contracts.Country;
import org.tcc.contracts.audit.AuditChain;
import org.tcc.kit.db.RuntimeRole;
import org.tcc.stack.audit.OfflineVerification;
import org.tcc.testsupport.TestPostgres;

/**
 * The audit chain survives its own service: the runtime role can only append and read, and whatever the database's
 * owner rewrites (an entry edited and every later hash recomputed, the newest entries deleted, two entries swapped)
 * verify names, with the signed checkpoint from Kafka that the rewrite contradicts; an auditor finds the same offline.
 */
@QuarkusTest
class AuditAnchorTest {

    static final String SERVICE = "consultation";
    /** AuditRepository's chain lock: held while the owner rewrites, so no append interleaves with the test. */
    static final long CHAIN_LOCK_KEY = 0x7CC0_A0D1L;

    @Inject
    AuditCheckpoints checkpoints;

    @Inject
    RuntimeRole runtimeRole;

    String lastConsultation;

    static Connection runtimeRole() throws SQLException {
        return DriverManager.getConnection(TestPostgres.jdbcUrl(SERVICE), TestPostgres.user(SERVICE),
                TestPostgres.PASSWORD);
    }

    static Connection owner() throws SQLException {
        return DriverManager.getConnection(TestPostgres.jdbcUrl(SERVICE), TestPostgres.owner(SERVICE),
                TestPostgres.PASSWORD);
    }

    static JsonPath verify() {
        return as("auditor").get("/api/v1/audit/verify").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theRuntimeRoleCanOnlyAppendAndReadTheAuditLog() throws SQLException {
        Api.convene("kr-liaison", "Runtime role check", Country.KOR, Country.JPN);
        assertEquals(List.of(), runtimeRole.ownedTables(), "the service's own check at startup finds nothing owned");
        try (Connection c = runtimeRole(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT tableowner FROM pg_tables WHERE tablename = 'audit_entry'")) {
                rs.next();
                assertNotEquals(TestPostgres.user(SERVICE), rs.getString(1), "the service does not own its audit log");
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_entry")) {
                rs.next();
                assertTrue(rs.getLong(1) > 0, "it reads");
            }
            for (String forbidden : List.of(
                    "UPDATE audit_entry SET subject = 'mallory' WHERE seq = 1",
                    "DELETE FROM audit_entry WHERE seq = 1",
                    "TRUNCATE audit_entry",
                    "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_delete",
                    "ALTER TABLE audit_entry DISABLE TRIGGER USER",
                    "DROP TRIGGER audit_entry_no_update_delete ON audit_entry",
                    "DROP TABLE audit_entry",
                    "UPDATE audit_checkpoint SET head_hash = head_hash",
                    "DELETE FROM audit_checkpoint",
                    "CREATE TABLE audit_entry_copy (seq BIGINT)",
                    "UPDATE flyway_schema_history SET success = true")) {
                SQLException refused = assertThrows(SQLException.class, () -> s.execute(forbidden), forbidden);
                assertTrue(refused.getMessage().contains("permission denied")
                        || refused.getMessage().contains("must be owner"), forbidden + ": " + refused.getMessage());
            }
            // re-granting itself a privilege grants nothing: it holds no grant option
            try {
                s.execute("GRANT UPDATE, DELETE ON audit_entry TO " + TestPostgres.user(SERVICE));
            } catch (SQLException refused) {
                // refused outright or, holding some privilege on the table, warned "no privileges were granted"
            }
            try (ResultSet rs = s.executeQuery("SELECT has_table_privilege('audit_entry', 'UPDATE'),"
                    + " has_table_privilege('audit_entry', 'DELETE'), has_table_privilege('audit_entry', 'INSERT')")) {
                rs.next();
                assertFalse(rs.getBoolean(1));
                assertFalse(rs.getBoolean(2));
                assertTrue(rs.getBoolean(3), "it appends");
            }
        }
    }

    /** A rewrite by the owner, with the table's protections switched off the way the owner can. */
    interface Rewrite {
        void apply(Connection owner, long head) throws SQLException;
    }

    @Test
    void anEntryEditedAndEveryLaterHashRecomputedIsNamedWithTheCheckpointItContradicts() throws SQLException {
        long target = anchoredConsultation() + 2;
        JsonPath broken = rewriteAndVerify((c, head) -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE audit_entry SET subject = 'mallory' WHERE seq = " + target);
            }
            recomputeHashesFrom(c, target);
        });
        assertEquals((int) target, broken.getInt("firstBroken.seq"));
        assertTrue(broken.getString("firstBroken.reason").startsWith("rewritten"), broken.getString("firstBroken.reason"));
        assertCheckpointCovers(broken, target);
    }

    @Test
    void theNewestEntriesDeletedAreMissingFromWhatTheLastCheckpointVouchesFor() throws SQLException {
        anchoredConsultation();
        long[] deletedFrom = new long[1];
        JsonPath broken = rewriteAndVerify((c, head) -> {
            deletedFrom[0] = head - 1;
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM audit_entry WHERE seq >= " + deletedFrom[0]);
            }
        });
        assertEquals((int) deletedFrom[0], broken.getInt("firstBroken.seq"));
        assertTrue(broken.getString("firstBroken.reason").startsWith("missing"), broken.getString("firstBroken.reason"));
        assertCheckpointCovers(broken, deletedFrom[0]);
    }

    @Test
    void twoEntriesSwappedRenumberedAndRehashedAreFound() throws SQLException {
        long target = anchoredConsultation() + 1;
        JsonPath broken = rewriteAndVerify((c, head) -> {
            try (Statement s = c.createStatement()) {
                // entry target takes the content of target + 1 and the other way round, then the chain is rebuilt
                s.executeUpdate("UPDATE audit_entry a SET at = b.at, consultation_id = b.consultation_id,"
                        + " subject = b.subject, country = b.country, action = b.action,"
                        + " phase_before = b.phase_before, phase_after = b.phase_after, details = b.details"
                        + " FROM original b WHERE (a.seq, b.seq) IN ((" + target + ", " + (target + 1) + "), ("
                        + (target + 1) + ", " + target + "))");
            }
            recomputeHashesFrom(c, target);
        });
        assertEquals((int) target, broken.getInt("firstBroken.seq"));
        assertCheckpointCovers(broken, target);
    }

    @Test
    void anAuditorVerifiesAnExportOfflineAndFindsARewriteTheServiceWouldHaveHidden() throws Exception {
        anchoredConsultation();
        Path dir = Files.createTempDirectory("tcc-audit-offline");
        Path export = dir.resolve("audit.jsonl");
        Path anchors = dir.resolve("checkpoints.jsonl");
        Path key = dir.resolve("checkpoint-public.jwk");
        Files.writeString(export, as("auditor").get("/api/v1/audit/export?format=jsonl").then().statusCode(200)
                .extract().asString());
        Files.writeString(anchors, as("auditor").get("/api/v1/audit/checkpoints").then().statusCode(200)
                .header("Content-Disposition", startsWith("attachment")).extract().asString());
        Files.writeString(key, as("auditor").get("/api/v1/audit/checkpoint-key").then().statusCode(200)
                .body("kty", equalTo("EC")).body("d", org.hamcrest.Matchers.nullValue())
                .extract().asString());
        as("jp-liaison").get("/api/v1/audit/checkpoints").then().statusCode(403);

        Offline intact = offline(export, anchors, key);
        assertEquals(0, intact.exit(), intact.output());
        assertTrue(intact.output().contains("intact: "), intact.output());

        // one consultation's entries, each checked against its checkpoint on its own
        Path one = dir.resolve("consultation.jsonl");
        Files.writeString(one, as("auditor").get("/api/v1/audit/export?format=jsonl&consultation=" + lastConsultation)
                .then().statusCode(200).extract().asString());
        ByteArrayOutputStream selected = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(selected, true, StandardCharsets.UTF_8)) {
            assertEquals(0, OfflineVerification.run(one, anchors, List.of(key), true, out), selected.toString());
        }
        assertTrue(selected.toString().contains(" selected entries, each as a checkpoint signed it"),
                selected.toString());
        assertEquals(1, offline(one, anchors, key).exit(), "a selection is not the whole log");

        // an export edited consistently (entry 2's subject, and every hash after it recomputed)
        List<String> lines = new ArrayList<>(Files.readAllLines(export));
        String previous = AuditChain.GENESIS;
        for (int i = 0; i < lines.size(); i++) {
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) org.tcc.contracts.Json.mapper().readTree(lines.get(i));
            if (i == 1) {
                node.put("subject", "mallory");
            }
            node.put("prevHash", previous);
            String hash = AuditChain.hash(entryOf(node));
            node.put("hash", hash);
            previous = hash;
            lines.set(i, node.toString());
        }
        Path rewritten = dir.resolve("rewritten.jsonl");
        Files.write(rewritten, lines);
        Offline broken = offline(rewritten, anchors, key);
        assertEquals(1, broken.exit(), broken.output());
        assertTrue(broken.output().contains("BROKEN at entry 2: rewritten"), broken.output());
        assertTrue(broken.output().contains("contradicts checkpoint #") || broken.output().contains("the one checkpoint #"),
                broken.output());

        // checkpoints signed by another key count for nothing
        Path other = dir.resolve("other.jwk");
        Files.writeString(other, org.tcc.contracts.audit.EcKeys.publicJwk(
                org.tcc.contracts.audit.EcKeys.generate().publicKey()));
        Offline untrusted = offline(rewritten, anchors, other);
        assertEquals(1, untrusted.exit(), untrusted.output());
        assertTrue(untrusted.output().contains("not a trusted checkpoint key"), untrusted.output());
        assertTrue(untrusted.output().contains("anchored up to entry 0"), untrusted.output());
    }

    record Offline(int exit, String output) {
    }

    static Offline offline(Path export, Path anchors, Path key) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            exit = OfflineVerification.run(export, anchors, List.of(key), out);
        }
        return new Offline(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    static AuditChain.Entry entryOf(com.fasterxml.jackson.databind.JsonNode e) {
        return new AuditChain.Entry(e.get("seq").asLong(), java.time.Instant.parse(e.get("at").asText()),
                e.hasNonNull("consultationId") ? e.get("consultationId").asText() : null, e.get("subject").asText(),
                e.hasNonNull("country") ? e.get("country").asText() : null, e.get("action").asText(),
                e.hasNonNull("phaseBefore") ? e.get("phaseBefore").asText() : null,
                e.hasNonNull("phaseAfter") ? e.get("phaseAfter").asText() : null, e.get("details").asText(),
                e.get("prevHash").asText());
    }

    /**
     * A consultation with a few entries, all of them anchored by a checkpoint on Kafka; returns its first entry.
     */
    long anchoredConsultation() {
        String id = Api.inSessionWithPositions(Country.USA, Country.KOR);
        lastConsultation = id;
        List<Integer> seqs = as("auditor").get("/api/v1/audit/consultations/" + id).then().statusCode(200)
                .extract().path("items.seq");
        checkpoints.checkpoint(true);
        long last = seqs.get(seqs.size() - 1);
        Awaitility.await("a checkpoint on Kafka covers entry " + last).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    JsonPath v = verify();
                    return v.getBoolean("intact") && v.getLong("anchoredSeq") >= last;
                });
        return seqs.get(0);
    }

    /**
     * Holds the chain's lock (no append meanwhile), anchors everything, then as the owner switches the protections
     * off (the owner can), rewrites, asks verify, and restores the original rows; returns the broken verdict.
     */
    JsonPath rewriteAndVerify(Rewrite rewrite) throws SQLException {
        try (Connection c = owner(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + CHAIN_LOCK_KEY + ")");
            try {
                checkpoints.checkpoint(true);
                long head = head(s);
                Awaitility.await("everything anchored").atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(200)).until(() -> verify().getLong("anchoredSeq") >= head);
                s.execute("CREATE TEMP TABLE original AS SELECT * FROM audit_entry");
                s.execute("GRANT UPDATE, DELETE ON audit_entry TO CURRENT_USER");
                s.execute("ALTER TABLE audit_entry DISABLE TRIGGER USER");
                JsonPath broken;
                try {
                    rewrite.apply(c, head);
                    broken = verify();
                } finally {
                    s.executeUpdate("DELETE FROM audit_entry");
                    s.executeUpdate("INSERT INTO audit_entry SELECT * FROM original");
                    s.execute("DROP TABLE original");
                    s.execute("ALTER TABLE audit_entry ENABLE TRIGGER USER");
                    s.execute("REVOKE UPDATE, DELETE ON audit_entry FROM CURRENT_USER");
                }
                assertFalse(broken.getBoolean("intact"), broken.prettify());
                JsonPath restored = verify();
                assertTrue(restored.getBoolean("intact"), restored.prettify());
                assertEquals(head, restored.getLong("headSeq"));
                return broken;
            } finally {
                s.execute("SELECT pg_advisory_unlock(" + CHAIN_LOCK_KEY + ")");
            }
        }
    }

    static long head(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT max(seq) FROM audit_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** What an owner covering its tracks does: every hash from {@code from} on recomputed, links included. */
    static void recomputeHashesFrom(Connection c, long from) throws SQLException {
        String previous;
        try (PreparedStatement p = c.prepareStatement("SELECT hash FROM audit_entry WHERE seq = ?")) {
            p.setLong(1, from - 1);
            try (ResultSet rs = p.executeQuery()) {
                previous = rs.next() ? rs.getString(1) : AuditChain.GENESIS;
            }
        }
        List<AuditChain.Entry> entries = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT seq, at, consultation_id, subject, country, action,"
                + " phase_before, phase_after, details FROM audit_entry WHERE seq >= ? ORDER BY seq")) {
            p.setLong(1, from);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    java.time.Instant at = rs.getObject(2, java.time.OffsetDateTime.class).toInstant();
                    entries.add(new AuditChain.Entry(rs.getLong(1), at, rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            "pending"));
                }
            }
        }
        // hashes are UNIQUE: park the old ones first
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit_entry SET hash = md5(hash) || md5(seq::text) WHERE seq >= " + from);
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE audit_entry SET prev_hash = ?, hash = ? WHERE seq = ?")) {
            for (AuditChain.Entry e : entries) {
                AuditChain.Entry linked = new AuditChain.Entry(e.seq(), e.at(), e.consultationId(), e.subject(),
                        e.country(), e.action(), e.phaseBefore(), e.phaseAfter(), e.details(), previous);
                String hash = AuditChain.hash(linked);
                p.setString(1, previous);
                p.setString(2, hash);
                p.setLong(3, e.seq());
                p.executeUpdate();
                previous = hash;
            }
        }
    }

    static void assertCheckpointCovers(JsonPath broken, long seq) {
        assertTrue(broken.getInt("firstBroken.checkpoint.number") >= 1, broken.prettify());
        assertTrue(broken.getLong("firstBroken.checkpoint.firstSeq") <= seq, broken.prettify());
        assertTrue(broken.getLong("firstBroken.checkpoint.lastSeq") >= seq, broken.prettify());
        assertTrue(broken.getString("firstBroken.checkpoint.signedAt") != null, broken.prettify());
    }
}

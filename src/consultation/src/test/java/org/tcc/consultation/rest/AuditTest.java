package org.tcc.consultation.rest;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcc.consultation.Api.as;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcc.consultation.Api;
import org.tcc.contracts.audit.AuditChain;
import org.tcc.contracts.Country;
import org.tcc.contracts.Json;
import org.tcc.testsupport.TestPostgres;

/** The audit log: auditors read, export and verify it; nobody changes it, and a change behind its back shows. */
@QuarkusTest
class AuditTest {

    static final String DB_USER = TestPostgres.user("consultation");

    static Connection serviceRole() throws SQLException {
        return DriverManager.getConnection(TestPostgres.jdbcUrl("consultation"), DB_USER, TestPostgres.PASSWORD);
    }

    static Connection superuser() throws SQLException {
        return DriverManager.getConnection(TestPostgres.jdbcUrl("consultation"), "postgres", "postgres");
    }

    @Test
    void auditorReadsTheLogWithFiltersAndPages() {
        String id = Api.inSessionWithPositions(Country.JPN, Country.KOR);
        as("auditor").get("/api/v1/audit/consultations/" + id).then().statusCode(200)
                .body("items", hasSize(5)).body("items[0].action", equalTo("CONVENE"))
                .body("items[0].phaseBefore", nullValue()).body("items[0].phaseAfter", equalTo("CONVENING"))
                .body("items[0].hash", notNullValue()).body("next", nullValue());

        JsonPath first = as("auditor").get("/api/v1/audit/log?limit=2&country=JPN").then().statusCode(200)
                .body("items", hasSize(2)).body("items.country", everyItem(equalTo("JPN")))
                .body("next", notNullValue()).extract().jsonPath();
        String next = first.getString("next");
        long lastSeq = first.getLong("items[1].seq");
        as("auditor").get("/api/v1/audit/log?limit=2&country=JPN&cursor=" + next).then().statusCode(200)
                .body("items[0].seq", greaterThan((int) lastSeq));
        as("auditor").get("/api/v1/audit/log?from=" + Instant.now().plusSeconds(3600)).then().statusCode(200)
                .body("items", hasSize(0)).body("next", nullValue());
        as("auditor").get("/api/v1/audit/log?to=2000-01-01T00:00:00Z").then().statusCode(200)
                .body("items", hasSize(0));
        as("auditor").get("/api/v1/audit/log?country=FRA").then().statusCode(400)
                .body("type", equalTo("urn:tcc:problem:invalid-query")).body("errors[0].field", equalTo("country"));
        as("auditor").get("/api/v1/audit/consultations/5b0e4a0e-7f4c-4c55-9d38-8d1c1d5b0000").then().statusCode(404);
    }

    @Test
    void auditorExportsJsonLinesAndCsvThatVerifyOffline() throws Exception {
        String id = Api.inSessionWithPositions(Country.USA, Country.KOR);
        String jsonl = as("auditor").accept(AuditResource.NDJSON).get("/api/v1/audit/log").then().statusCode(200)
                .contentType(startsWith(AuditResource.NDJSON)).extract().asString();
        List<String> lines = jsonl.lines().toList();
        assertTrue(lines.size() >= 5);
        // the export carries everything needed to recompute the chain without the service
        String previous = null;
        for (String line : lines) {
            JsonNode e = Json.mapper().readTree(line);
            AuditChain.Entry entry = new AuditChain.Entry(e.get("seq").asLong(), Instant.parse(e.get("at").asText()),
                    e.path("consultationId").isMissingNode() ? null : e.get("consultationId").asText(),
                    e.get("subject").asText(), e.path("country").isMissingNode() ? null : e.get("country").asText(),
                    e.get("action").asText(),
                    e.path("phaseBefore").isMissingNode() ? null : e.get("phaseBefore").asText(),
                    e.path("phaseAfter").isMissingNode() ? null : e.get("phaseAfter").asText(),
                    e.get("details").asText(), e.get("prevHash").asText());
            assertEquals(e.get("hash").asText(), AuditChain.hash(entry), line);
            if (previous != null) {
                assertEquals(previous, entry.prevHash());
            }
            previous = e.get("hash").asText();
        }

        String csv = as("auditor").accept(AuditResource.CSV).get("/api/v1/audit/log?country=KOR").then()
                .statusCode(200).contentType(startsWith(AuditResource.CSV)).extract().asString();
        List<String> rows = csv.lines().toList();
        assertEquals("seq,at,consultationId,subject,country,action,phaseBefore,phaseAfter,details,prevHash,hash",
                rows.get(0));
        assertTrue(rows.stream().anyMatch(r -> r.contains(id) && r.contains("SUBMIT_POSITION")
                && r.contains("\"\"quotes") ), "quoted CSV field with the position text");

        String exported = as("auditor").get("/api/v1/audit/export?format=csv&consultation=" + id).then()
                .statusCode(200).header("Content-Disposition", startsWith("attachment")).extract().asString();
        assertEquals(1 + 5, exported.lines().count(), "header plus the consultation's 5 entries");
        as("auditor").get("/api/v1/audit/export?format=xml").then().statusCode(400).body("type", org.hamcrest.Matchers.equalTo("urn:tcc:problem:invalid-query"));
    }

    @Test
    void auditorVerifiesTheChain() {
        Api.convene("jp-liaison", "Verification run", Country.JPN, Country.USA);
        as("auditor").get("/api/v1/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true)).body("entriesChecked", greaterThan(0))
                .body("headHash", notNullValue()).body("firstBroken", nullValue());
    }

    @Test
    void aLiaisonCannotReadTheAuditLog() {
        for (String liaison : List.of("us-liaison", "kr-liaison", "jp-liaison")) {
            as(liaison).get("/api/v1/audit/log").then().statusCode(403)
                    .contentType(startsWith("application/problem+json"));
            as(liaison).get("/api/v1/audit/verify").then().statusCode(403);
            as(liaison).get("/api/v1/audit/export?format=csv").then().statusCode(403);
        }
        as("admin").get("/api/v1/audit/log").then().statusCode(403);
    }

    @Test
    void theServiceRoleCannotUpdateDeleteOrTruncateAuditEntries() throws SQLException {
        Api.convene("kr-liaison", "Append-only check", Country.KOR, Country.USA);
        try (Connection c = serviceRole(); Statement s = c.createStatement()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> s.executeUpdate("UPDATE audit_entry SET subject = 'mallory' WHERE seq = 1"));
            assertTrue(update.getMessage().contains("permission denied"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class,
                    () -> s.executeUpdate("DELETE FROM audit_entry WHERE seq = 1"));
            assertTrue(delete.getMessage().contains("permission denied"), delete.getMessage());
            assertThrows(SQLException.class, () -> s.executeUpdate("TRUNCATE audit_entry"));
        }
        // even a superuser, who bypasses privileges, meets the trigger
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> s.executeUpdate("UPDATE audit_entry SET subject = 'mallory' WHERE seq = 1"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class,
                    () -> s.executeUpdate("DELETE FROM audit_entry WHERE seq = 1"));
            assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
        }
    }

    @Test
    void aRowChangedOrRemovedBehindTheServicesBackIsFoundByVerify() throws SQLException {
        String id = Api.inSessionWithPositions(Country.USA, Country.JPN);
        List<Integer> seqs = as("auditor").get("/api/v1/audit/consultations/" + id).then().statusCode(200)
                .extract().path("items.seq");
        long target = seqs.get(2);
        as("auditor").get("/api/v1/audit/verify").then().body("intact", equalTo(true));

        try (Connection c = superuser(); Statement s = c.createStatement()) {
            String original;
            try (ResultSet rs = s.executeQuery("SELECT subject FROM audit_entry WHERE seq = " + target)) {
                rs.next();
                original = rs.getString(1);
            }
            try {
                s.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_delete");
                s.executeUpdate("UPDATE audit_entry SET subject = 'mallory' WHERE seq = " + target);
                s.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update_delete");

                as("auditor").get("/api/v1/audit/verify").then().statusCode(200)
                        .body("intact", equalTo(false))
                        .body("firstBroken.seq", equalTo((int) target))
                        .body("firstBroken.reason", startsWith("hash mismatch"));
            } finally {
                s.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_delete");
                try (PreparedStatement restore = c.prepareStatement("UPDATE audit_entry SET subject = ? WHERE seq = ?")) {
                    restore.setString(1, original);
                    restore.setLong(2, target);
                    restore.executeUpdate();
                }
                s.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update_delete");
            }
            as("auditor").get("/api/v1/audit/verify").then().body("intact", equalTo(true));

            // removing an entry breaks the sequence at the one that follows it
            s.execute("CREATE TEMP TABLE removed AS SELECT * FROM audit_entry WHERE seq = " + target);
            try {
                s.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_delete");
                s.executeUpdate("DELETE FROM audit_entry WHERE seq = " + target);
                s.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update_delete");
                as("auditor").get("/api/v1/audit/verify").then().statusCode(200)
                        .body("intact", equalTo(false))
                        .body("firstBroken.seq", equalTo((int) target + 1))
                        .body("firstBroken.reason", startsWith("sequence gap"));
            } finally {
                s.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update_delete");
                s.execute("INSERT INTO audit_entry SELECT * FROM removed ON CONFLICT DO NOTHING");
            }
        }
        JsonPath verified = as("auditor").get("/api/v1/audit/verify").then().statusCode(200).extract().jsonPath();
        assertEquals(true, verified.getBoolean("intact"));
        assertNull(verified.get("firstBroken"));
    }
}

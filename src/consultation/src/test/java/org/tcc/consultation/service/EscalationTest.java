package org.tcc.consultation.service;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcc.consultation.Api.as;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tcc.consultation.Api;
import org.tcc.consultation.Events;
import org.tcc.contracts.Country;
import org.tcc.contracts.EventType;
import org.tcc.contracts.Topics;
import org.tcc.testsupport.KafkaProbe;
import org.tcc.testsupport.TestPostgres;

/** Missed deadlines escalate through the real scheduler, database and topic; the work list lives in the database. */
@QuarkusTest
@TestProfile(EscalationTest.ShortDeadlines.class)
class EscalationTest {

    /** Seconds instead of minutes, and the job every second. */
    public static class ShortDeadlines implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tcc.consultation.deadlines.join", "PT3S", "tcc.consultation.deadlines.respond", "PT3S",
                    "tcc.consultation.escalation.every", "1s");
        }
    }

    static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    static Connection db() throws SQLException {
        return DriverManager.getConnection(TestPostgres.jdbcUrl("consultation"), TestPostgres.user("consultation"),
                TestPostgres.PASSWORD);
    }

    static Predicate<ConsumerRecord<String, byte[]>> escalated(String id, Country silent, String from) {
        return r -> Events.of(id, EventType.CONSULTATION_ESCALATED).test(r)
                && silent.name().equals(Events.json(r).path("silentCountry").asText())
                && from.equals(Events.json(r).path("fromLevel").asText());
    }

    @Test
    void aCountryThatDoesNotJoinEscalatesOneLevelPerMissedDeadline() throws SQLException {
        try (KafkaProbe probe = KafkaProbe.fromNow(Topics.CONSULTATIONS)) {
            String id = Api.convene("us-liaison", "Silent partner drill", Country.USA, Country.KOR);
            Api.join("us-liaison", id).statusCode(200);

            JsonNode first = Events.json(probe.await(escalated(id, Country.KOR, "WORKING"), 1,
                    Duration.ofSeconds(30)).get(0));
            assertEquals("JOIN", first.path("missed").asText());
            assertEquals("SENIOR", first.path("toLevel").asText());
            assertEquals("SENIOR", first.path("consultation").path("level").asText());

            JsonNode second = Events.json(probe.await(escalated(id, Country.KOR, "SENIOR"), 1,
                    Duration.ofSeconds(30)).get(0));
            assertEquals("MINISTERIAL", second.path("toLevel").asText());

            // nothing above MINISTERIAL: the deadline stops running, no further escalation
            // (on a loaded machine USA may join after the first deadline and be named too: only KOR is asserted)
            long escalations = probe.drain(Duration.ofSeconds(4)).stream()
                    .filter(Events.of(id, EventType.CONSULTATION_ESCALATED))
                    .filter(r -> "KOR".equals(Events.json(r).path("silentCountry").asText())).count();
            assertEquals(2, escalations);
            as("kr-liaison").get(Api.BASE + "/" + id).then().statusCode(200)
                    .body("level", equalTo("MINISTERIAL")).body("phase", equalTo("CONVENING"))
                    .body("nextDeadline", equalTo(null));
            try (Connection c = db(); PreparedStatement s = c.prepareStatement(
                    "SELECT country, missed, from_level, to_level FROM escalation WHERE consultation_id = ?"
                            + " AND country = 'KOR' ORDER BY escalated_at")) {
                s.setObject(1, UUID.fromString(id));
                try (ResultSet rs = s.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(List.of("KOR", "JOIN", "WORKING", "SENIOR"),
                            List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    assertTrue(rs.next());
                    assertEquals("MINISTERIAL", rs.getString(4));
                    assertTrue(!rs.next(), "each deadline escalated once");
                }
            }
            as("auditor").get("/api/v1/audit/consultations/" + id).then().statusCode(200)
                    .body("items.findAll { it.action == 'ESCALATE' && it.details.contains('KOR') }.size()", equalTo(2));
            // the country finally joins: the consultation goes on at ministerial level
            Api.join("kr-liaison", id).statusCode(200).body("phase", equalTo("IN_SESSION"));
        }
    }

    @Test
    void aCountrySilentOnAProposalEscalatesAsMissedResponse() {
        try (KafkaProbe probe = KafkaProbe.fromNow(Topics.CONSULTATIONS)) {
            String id = Api.inSessionWithPositions(Country.JPN, Country.USA);
            String proposalId = Api.propose("jp-liaison", id).statusCode(201).extract().path("proposal.id");
            Api.respond("jp-liaison", id, proposalId, "approve", null).statusCode(200);

            JsonNode event = Events.json(probe.await(r -> Events.of(id, EventType.CONSULTATION_ESCALATED).test(r)
                    && "RESPOND".equals(Events.json(r).path("missed").asText()), 1, Duration.ofSeconds(30)).get(0));
            assertEquals("USA", event.path("silentCountry").asText());
            assertEquals("PROPOSED", event.path("consultation").path("phase").asText());
            Api.respond("us-liaison", id, proposalId, "approve", null).statusCode(200)
                    .body("phase", equalTo("CONCLUDED"));
        }
    }

    /**
     * What a previous run of the service left in the database — a consultation whose join deadline passed while
     * no instance was running — escalates from that state alone.
     */
    @Test
    void aDeadlineStoredBeforeAnyRunEscalatesFromTheDatabaseAlone() throws SQLException {
        UUID id = UUID.randomUUID();
        Instant convened = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        Instant due = convened.plus(Duration.ofMinutes(15));
        try (KafkaProbe probe = KafkaProbe.fromNow(Topics.CONSULTATIONS)) {
            try (Connection c = db()) {
                c.setAutoCommit(false);
                try (PreparedStatement s = c.prepareStatement("INSERT INTO consultation (id, subject, type, region, "
                        + "traffic_status, level, phase, revision, lock_version, convened_at, updated_at, next_due_at)"
                        + " VALUES (?, 'Left over from before the restart', 'NUCLEAR_TEST', 'KOREAN_PENINSULA', "
                        + "'TEST', 'WORKING', 'CONVENING', 2, 0, ?, ?, ?)")) {
                    s.setObject(1, id);
                    s.setObject(2, utc(convened));
                    s.setObject(3, utc(convened));
                    s.setObject(4, utc(due));
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO consultation_participant "
                        + "(consultation_id, country, join_due_at, joined_at, joined_by) VALUES (?, ?, ?, ?, ?)")) {
                    for (Country country : List.of(Country.USA, Country.JPN)) {
                        s.setObject(1, id);
                        s.setString(2, country.name());
                        boolean joined = country == Country.USA;
                        s.setObject(3, joined ? null : utc(due));
                        s.setObject(4, joined ? utc(convened.plusSeconds(60)) : null);
                        s.setString(5, joined ? "us-liaison" : null);
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                c.commit();
            }
            ConsumerRecord<String, byte[]> record = probe.await(
                    escalated(id.toString(), Country.JPN, "WORKING"), 1, Duration.ofSeconds(30)).get(0);
            JsonNode event = Events.json(record);
            assertEquals(due, Instant.parse(event.path("dueAt").asText()));
            assertEquals("SENIOR", event.path("toLevel").asText());
            assertEquals(3, event.path("consultation").path("version").asLong());
            assertEquals("TEST", event.path("consultation").path("status").asText());
        }
    }
}

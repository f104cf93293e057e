package org.tcc.consultation.messaging;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcc.consultation.Api.as;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tcc.consultation.AlertEvents;
import org.tcc.consultation.Events;
import org.tcc.consultation.service.AlertEventHandler;
import org.tcc.contracts.Country;
import org.tcc.contracts.EventType;
import org.tcc.contracts.Topics;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.testsupport.KafkaProbe;

/** Alerts on the real broker convene, annotate and cancel consultations, exactly once, poison to the DLQ. */
@QuarkusTest
class AlertConveningTest {

    static final List<Country> ALL = List.of(Country.USA, Country.KOR, Country.JPN);

    @Inject
    EntityManager em;

    long consultationsFor(String alertId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM consultation WHERE alert_id = ?1").setParameter(1, UUID.fromString(alertId))
                .getSingleResult()).longValue());
    }

    boolean processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM processed_message WHERE consumer = ?1 AND message_id = ?2")
                .setParameter(1, AlertEventHandler.CONSUMER).setParameter(2, eventId).getSingleResult())
                .longValue() == 1);
    }

    @Test
    void anAlertDeliveredTwiceConvenesExactlyOneConsultation() {
        String alertId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        try (KafkaProbe probe = KafkaProbe.fromNow(Topics.CONSULTATIONS)) {
            AlertEvents.send(EventType.ALERT_RAISED, AlertEvents.raised(alertId, Severity.Extreme, ALL), eventId);
            AlertEvents.send(EventType.ALERT_RAISED, AlertEvents.raised(alertId, Severity.Extreme, ALL), eventId);
            // the producer retried with a fresh event id: still the same alert, still one consultation
            AlertEvents.send(EventType.ALERT_RAISED, AlertEvents.raised(alertId, Severity.Extreme, ALL));

            ConsumerRecord<String, byte[]> convened = probe.await(
                    Events.aboutAlert(alertId, EventType.CONSULTATION_CONVENED), 1, Duration.ofSeconds(30)).get(0);
            JsonNode state = Events.json(convened).path("consultation");
            assertEquals("SENIOR", state.path("level").asText(), "Extreme severity starts at SENIOR");
            assertEquals("EXERCISE", state.path("status").asText(), "exercise traffic stays exercise");
            assertEquals(List.of("USA", "KOR", "JPN"),
                    Json.list(state.path("participants")));
            assertTrue(Events.json(convened).path("convenedBy").isMissingNode(), "convened by policy");

            long seen = probe.drain(Duration.ofSeconds(3)).stream()
                    .filter(Events.aboutAlert(alertId, EventType.CONSULTATION_CONVENED)).count();
            assertEquals(1, seen);
            assertEquals(1, consultationsFor(alertId));
            String consultationId = convened.key();
            as("jp-liaison").get("/api/v1/consultations/" + consultationId).then().statusCode(200)
                    .body("alertId", equalTo(alertId)).body("phase", equalTo("CONVENING"));
        }
    }

    @Test
    void anUpdateThatNowMeetsThePolicyConvenes() {
        String alertId = UUID.randomUUID().toString();
        try (KafkaProbe probe = KafkaProbe.fromNow(Topics.CONSULTATIONS)) {
            AlertEvents.send(EventType.ALERT_RAISED, AlertEvents.raised(alertId, Severity.Moderate, ALL));
            AlertEvents.send(EventType.ALERT_UPDATED, AlertEvents.updated(alertId, 2));
            JsonNode state = Events.json(probe.await(Events.aboutAlert(alertId, EventType.CONSULTATION_CONVENED), 1,
                    Duration.ofSeconds(30)).get(0)).path("consultation");
            assertEquals("SENIOR", state.path("level").asText());
        }
        assertEquals(1, consultationsFor(alertId));
    }

    @Test
    void alertsBelowThePolicyDoNotConvene() {
        String alertId = UUID.randomUUID().toString();
        String eventId = AlertEvents.send(EventType.ALERT_RAISED, AlertEvents.raised(alertId, Severity.Minor, ALL));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(eventId));
        assertEquals(0, consultationsFor(alertId));
    }

    @Test
    void alertUpdatesReachTheTimelineAndCancellationEndsTheConsultation() {
        String alertId = UUID.randomUUID().toString();
        try (KafkaProbe probe = KafkaProbe.fromNow(Topics.CONSULTATIONS)) {
            AlertEvents.send(EventType.ALERT_RAISED, AlertEvents.raised(alertId, Severity.Severe,
                    List.of(Country.KOR, Country.JPN)));
            String consultationId = probe.await(Events.aboutAlert(alertId, EventType.CONSULTATION_CONVENED), 1,
                    Duration.ofSeconds(30)).get(0).key();

            AlertEvents.send(EventType.ALERT_UPDATED, AlertEvents.updated(alertId, 2));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    as("kr-liaison").get("/api/v1/consultations/" + consultationId + "/timeline").then()
                            .statusCode(200).body("items.action", hasItem("ALERT_UPDATED")));

            AlertEvents.send(EventType.ALERT_CANCELLED, AlertEvents.cancelled(alertId, 3));
            ConsumerRecord<String, byte[]> closed = probe.await(
                    Events.of(consultationId, EventType.CONSULTATION_CLOSED), 1, Duration.ofSeconds(30)).get(0);
            JsonNode event = Events.json(closed);
            assertEquals("CANCELLED", event.path("consultation").path("phase").asText());
            assertTrue(event.path("reason").asText().contains("sensor artefact"));
            as("jp-liaison").get("/api/v1/consultations/" + consultationId).then().statusCode(200)
                    .body("phase", equalTo("CANCELLED"));
            as("jp-liaison").post("/api/v1/consultations/" + consultationId + "/join").then().statusCode(409)
                    .body("currentState", equalTo("CANCELLED"));
        }
    }

    @Test
    void aMalformedAlertGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        String badKey = UUID.randomUUID().toString();
        String alertId = UUID.randomUUID().toString();
        try (KafkaProbe dlq = KafkaProbe.fromNow(Topics.deadLetter(Topics.ALERTS));
             KafkaProbe consultations = KafkaProbe.fromNow(Topics.CONSULTATIONS)) {
            AlertEvents.sendRaw(EventType.ALERT_RAISED.ceType(), badKey,
                    "{\"alert\": {\"alertId\": 42".getBytes(StandardCharsets.UTF_8), UUID.randomUUID().toString());
            AlertEvents.sendRaw("org.tcc.alert.AlertTeleported.v1", badKey, "{}".getBytes(StandardCharsets.UTF_8),
                    UUID.randomUUID().toString());
            AlertEvents.send(EventType.ALERT_RAISED, AlertEvents.raised(alertId, Severity.Extreme, ALL));

            List<ConsumerRecord<String, byte[]>> dead = dlq.await(r -> badKey.equals(r.key()), 2,
                    Duration.ofSeconds(30));
            assertTrue(KafkaProbe.header(dead.get(0), "dead-letter-reason").contains("not valid JSON"),
                    KafkaProbe.header(dead.get(0), "dead-letter-reason"));
            assertTrue(KafkaProbe.header(dead.get(1), "dead-letter-reason").contains("unknown event type"),
                    KafkaProbe.header(dead.get(1), "dead-letter-reason"));
            assertEquals(EventType.ALERT_RAISED.ceType(), KafkaProbe.header(dead.get(0), "ce_type"),
                    "the original record, headers included");
            consultations.await(Events.aboutAlert(alertId, EventType.CONSULTATION_CONVENED), 1,
                    Duration.ofSeconds(30));
        }
    }

    /** Small JSON helper local to this test. */
    static final class Json {
        static List<String> list(JsonNode array) {
            List<String> out = new java.util.ArrayList<>();
            array.forEach(n -> out.add(n.asText()));
            return out;
        }
    }
}

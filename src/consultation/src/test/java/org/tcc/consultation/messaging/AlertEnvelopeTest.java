package org.tcc.consultation.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tcc.consultation.AlertEvents;
import org.tcc.consultation.Events;
import org.tcc.contracts.CloudEvents;
import org.tcc.contracts.EventType;
import org.tcc.contracts.Json;
import org.tcc.contracts.Topics;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.testsupport.KafkaProbe;

/**
 * Alert events whose CloudEvents envelope is wrong never reach the consultation logic, and never hold up the
 * partition: an event that claims another publisher, an id too long for the processed-message log and a time that
 * is not RFC 3339 are dead-lettered at once with their reason, and the valid alert behind them convenes its
 * consultation within seconds (a retried record would hold the partition for {@code tcc.consumer.retry-patience},
 * two minutes).
 */
@QuarkusTest
class AlertEnvelopeTest {

    @Inject
    EntityManager em;

    @Test
    void forgedAndMalformedEnvelopesAreDeadLetteredAndTheNextAlertIsApplied() {
        String badKey = UUID.randomUUID().toString();
        String forgedAlert = UUID.randomUUID().toString();
        String alertId = UUID.randomUUID().toString();
        try (KafkaProbe dlq = KafkaProbe.fromNow(Topics.deadLetter(Topics.ALERTS));
             KafkaProbe consultations = KafkaProbe.fromNow(Topics.CONSULTATIONS)) {
            // an Extreme alert for all three countries, but published as if by the notification service
            send(badKey, forgedAlert, UUID.randomUUID().toString(), CloudEvents.SOURCE_NOTIFICATION, null);
            send(badKey, UUID.randomUUID().toString(), "x".repeat(300), CloudEvents.SOURCE_ALERT_INGESTION, null);
            send(badKey, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                    CloudEvents.SOURCE_ALERT_INGESTION, "yesterday at noon");
            AlertEvents.send(EventType.ALERT_RAISED, AlertEvents.raised(alertId, Severity.Extreme,
                    AlertConveningTest.ALL));

            consultations.await(Events.aboutAlert(alertId, EventType.CONSULTATION_CONVENED), 1,
                    Duration.ofSeconds(20));
            List<ConsumerRecord<String, byte[]>> dead = dlq.await(r -> badKey.equals(r.key()), 3,
                    Duration.ofSeconds(20));
            String forged = KafkaProbe.header(dead.get(0), "dead-letter-reason");
            assertTrue(forged.contains("ce_source '/tcc/notification'")
                    && forged.contains("only /tcc/alert-ingestion publishes on tcc.alerts.v1"), forged);
            String oversized = KafkaProbe.header(dead.get(1), "dead-letter-reason");
            assertTrue(oversized.startsWith("ce_id longer than 256 characters"), oversized);
            String time = KafkaProbe.header(dead.get(2), "dead-letter-reason");
            assertTrue(time.contains("is not an RFC 3339 time"), time);
            assertEquals(0, consultationsFor(forgedAlert), "the forged alert convened nothing");
        }
    }

    private static void send(String key, String alertId, String ceId, String source, String time) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEvents.HEADER_ID, ceId);
        headers.put(CloudEvents.HEADER_TYPE, EventType.ALERT_RAISED.ceType());
        headers.put(CloudEvents.HEADER_SOURCE, source);
        headers.put(CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION);
        if (time != null) {
            headers.put(CloudEvents.HEADER_TIME, time);
        }
        KafkaProbe.send(Topics.ALERTS, key, Json.toBytes(AlertEvents.raised(alertId, Severity.Extreme,
                AlertConveningTest.ALL)), headers);
    }

    private long consultationsFor(String alertId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM consultation WHERE alert_id = ?1").setParameter(1, UUID.fromString(alertId))
                .getSingleResult()).longValue());
    }
}

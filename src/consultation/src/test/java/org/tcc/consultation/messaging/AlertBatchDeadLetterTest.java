package org.tcc.consultation.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.tcc.consultation.AlertEvents;
import org.tcc.contracts.Country;
import org.tcc.contracts.EventType;
import org.tcc.contracts.Topics;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.testsupport.KafkaProbe;

/**
 * One malformed alert event in a polled batch of valid ones: only it reaches the real broker's dead-letter topic,
 * with its reason, and every other event of the batch is applied.
 */
@QuarkusTest
class AlertBatchDeadLetterTest {

    static final List<Country> ALL = List.of(Country.USA, Country.KOR, Country.JPN);

    @Inject
    AlertEventsConsumer consumer;

    @Inject
    EntityManager em;

    @Test
    void aMalformedEventAmongValidOnesIsDeadLetteredAloneAndTheOthersApply() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String badKey = UUID.randomUUID().toString();
        List<ConsumerRecord<String, byte[]>> records = List.of(
                AlertBatchCostTest.record(0, EventType.ALERT_RAISED, AlertEvents.raised(first, Severity.Extreme, ALL)),
                AlertBatchCostTest.record(1, EventType.ALERT_RAISED,
                        AlertEvents.raised(second, Severity.Severe, ALL)),
                AlertBatchCostTest.record(2, EventType.ALERT_RAISED.ceType(), badKey,
                        "{\"alert\": {\"alertId\": 42".getBytes(StandardCharsets.UTF_8), UUID.randomUUID().toString()),
                AlertBatchCostTest.record(3, EventType.ALERT_UPDATED, AlertEvents.updated(first, 2)),
                AlertBatchCostTest.record(4, EventType.ALERT_CANCELLED, AlertEvents.cancelled(second, 2)));

        try (KafkaProbe dlq = KafkaProbe.fromNow(Topics.deadLetter(Topics.ALERTS))) {
            consumer.consume(new ConsumerRecords<>(Map.of(new TopicPartition(Topics.ALERTS, 0), records), Map.of()));

            ConsumerRecord<String, byte[]> dead = dlq.await(r -> badKey.equals(r.key()), 1, Duration.ofSeconds(30))
                    .get(0);
            String reason = KafkaProbe.header(dead, "dead-letter-reason");
            assertTrue(reason != null && reason.contains("not valid JSON"), "reason: " + reason);
            assertEquals(EventType.ALERT_RAISED.ceType(), KafkaProbe.header(dead, "ce_type"),
                    "the original record, headers included");
            Set<String> valid = Set.of(first, second);
            assertTrue(dlq.drain(Duration.ofSeconds(2)).stream().noneMatch(r -> valid.contains(r.key())),
                    "no valid event of the batch is dead-lettered");
        }

        assertEquals(List.of("CONVENING", "2"), consultation(first), "raised, then updated in the same batch");
        assertEquals(List.of("CANCELLED", "2"), consultation(second), "raised, then cancelled in the same batch");
    }

    /** The phase and applied alert version of the alert's consultation. */
    private List<String> consultation(String alertId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) em.createNativeQuery(
                            "SELECT c.phase, a.alert_version FROM consultation c "
                                    + "JOIN consultation_alert a ON a.consultation_id = c.id WHERE a.alert_id = ?1")
                    .setParameter(1, UUID.fromString(alertId)).getSingleResult();
            return List.of(row[0].toString(), row[1].toString());
        });
    }
}

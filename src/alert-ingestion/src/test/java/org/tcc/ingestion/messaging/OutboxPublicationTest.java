package org.tcc.ingestion.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.CloudEvents;
import org.tcc.contracts.Country;
import org.tcc.contracts.EventType;
import org.tcc.contracts.SchemaValidation;
import org.tcc.contracts.Topics;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertLifecycle;
import org.tcc.contracts.events.alert.AlertOrigin;
import org.tcc.contracts.events.alert.AlertRaised;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Certainty;
import org.tcc.contracts.events.alert.Region;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.contracts.events.alert.Urgency;
import org.tcc.kit.outbox.Outbox;
import org.tcc.testsupport.KafkaProbe;

/** An event appended to the outbox reaches the real broker as a binary-mode CloudEvent keyed by its aggregate. */
@QuarkusTest
class OutboxPublicationTest {

    @Inject
    Outbox outbox;

    @Test
    void committedEventIsPublishedWithCloudEventsHeaders() {
        String alertId = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        AlertState state = new AlertState(alertId, 1, AlertOrigin.LIAISON, Country.KOR, AlertType.NUCLEAR_TEST,
                Region.KOREAN_PENINSULA, TrafficStatus.EXERCISE, AlertLifecycle.ACTIVE, "Seismic event at Punggye-ri",
                null, Severity.Severe, Urgency.Immediate, Certainty.Likely, null, List.of(Country.KOR, Country.USA),
                List.of(), List.of(), null, now, now);
        try (KafkaProbe probe = KafkaProbe.fromNow(Topics.ALERTS)) {
            UUID eventId = QuarkusTransaction.requiringNew()
                    .call(() -> outbox.append(EventType.ALERT_RAISED, new AlertRaised(state)));

            ConsumerRecord<String, byte[]> record = probe.await(
                    r -> eventId.toString().equals(KafkaProbe.header(r, CloudEvents.HEADER_ID)), 1,
                    Duration.ofSeconds(20)).get(0);

            assertEquals(alertId, record.key());
            assertEquals("1.0", KafkaProbe.header(record, CloudEvents.HEADER_SPEC_VERSION));
            assertEquals("org.tcc.alert.AlertRaised.v1", KafkaProbe.header(record, CloudEvents.HEADER_TYPE));
            assertEquals("/tcc/alert-ingestion", KafkaProbe.header(record, CloudEvents.HEADER_SOURCE));
            assertEquals(alertId, KafkaProbe.header(record, CloudEvents.HEADER_SUBJECT));
            assertNotNull(KafkaProbe.header(record, CloudEvents.HEADER_TIME));
            assertTrue(KafkaProbe.header(record, CloudEvents.HEADER_CONTENT_TYPE).startsWith("application/json"));
            assertEquals(List.of(), SchemaValidation.validate(EventType.ALERT_RAISED, record.value()));
        }
    }

    @Test
    void rolledBackEventIsNeverPublished() {
        String alertId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        AlertState state = new AlertState(alertId, 1, AlertOrigin.LIAISON, Country.JPN, AlertType.OTHER,
                Region.OTHER, TrafficStatus.TEST, AlertLifecycle.ACTIVE, "rolled back", null, Severity.Minor,
                Urgency.Future, Certainty.Possible, null, List.of(Country.JPN), List.of(), List.of(), null, now, now);
        try (KafkaProbe probe = KafkaProbe.fromNow(Topics.ALERTS)) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    outbox.append(EventType.ALERT_RAISED, new AlertRaised(state));
                    throw new IllegalStateException("the change fails after the event was appended");
                });
            } catch (IllegalStateException expected) {
                // rolled back
            }
            assertTrue(probe.drain(Duration.ofSeconds(3)).stream().noneMatch(r -> alertId.equals(r.key())));
        }
    }
}

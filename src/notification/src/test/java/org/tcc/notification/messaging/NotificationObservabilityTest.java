package org.tcc.notification.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.CloudEvents;
import org.tcc.contracts.Country;
import org.tcc.contracts.EventType;
import org.tcc.contracts.Json;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertRaised;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.notification.Directory;
import org.tcc.notification.Events;
import org.tcc.notification.SseReader;
import org.tcc.notification.WebhookReceiver;
import org.tcc.testsupport.KafkaProbe;
import org.tcc.testsupport.PrometheusText;
import org.tcc.testsupport.Tokens;

/**
 * What notification shows an operations centre, against the real broker and database: the stream entry keeps the
 * alert event's trace context (the stream write, e-mail and webhook continue it); open streams per country, the
 * alert-event -> stream-write latency, deliveries by channel and outcome on {@code /q/metrics}.
 */
@QuarkusTest
class NotificationObservabilityTest {

    @TestHTTPResource("/api/v1/notifications/stream")
    URI stream;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    EntityManager em;

    @AfterEach
    void removeWebhooks() {
        Directory.clearWebhooks();
    }

    @Test
    void theNoticeContinuesTheAlertEventsTraceAndTheChainIsMeasured() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String parentSpan = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        PrometheusText before = PrometheusText.scrape(management);
        try (WebhookReceiver receiver = WebhookReceiver.accepting();
             SseReader jpn = SseReader.open(stream, Tokens.user("jp-liaison"), null);
             SseReader jpnAgain = SseReader.open(stream, Tokens.user("jp-duty"), null)) {
            Directory.setWebhook("JPN", "jp-liaison", receiver.url(), "test-secret-0123456789");
            await().atMost(Duration.ofSeconds(10)).until(() -> PrometheusText.scrape(management)
                    .sum("tcc_streams_open", "country=JPN") >= 2);

            String alertId = Events.newId();
            AlertRaised raised = new AlertRaised(Events.alert(alertId, 1, Severity.Extreme, TrafficStatus.EXERCISE,
                    List.of(Country.JPN), List.of(Country.JPN), List.of()));
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put(CloudEvents.HEADER_ID, Events.newId());
            headers.put(CloudEvents.HEADER_TYPE, EventType.ALERT_RAISED.ceType());
            headers.put(CloudEvents.HEADER_SOURCE,
                    CloudEvents.publisherOf(EventType.ALERT_RAISED.topic()).orElseThrow());
            headers.put(CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION);
            headers.put(CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.DATA_CONTENT_TYPE);
            headers.put(CloudEvents.HEADER_SUBJECT, alertId);
            headers.put("traceparent", "00-" + traceId + "-" + parentSpan + "-01");
            KafkaProbe.send(EventType.ALERT_RAISED.topic(), alertId, Json.toBytes(raised), headers);

            await().atMost(Duration.ofSeconds(20)).until(() -> jpn.events().stream()
                    .anyMatch(e -> e.data().contains(alertId)));
            String stored = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                    "SELECT trace_parent FROM notification WHERE alert_id = ?1 AND country = 'JPN'")
                    .setParameter(1, alertId).getResultList().get(0));
            assertNotNull(stored, "the stream entry keeps the event's trace context");
            assertEquals(traceId, stored.substring(3, 35), "the notice continues the alert event's trace");

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                PrometheusText after = PrometheusText.scrape(management);
                assertTrue(after.sum("tcc_alert_event_to_stream_write_seconds_count", "source=alert")
                        - before.sum("tcc_alert_event_to_stream_write_seconds_count", "source=alert") >= 1,
                        "alert-event -> stream-write latency recorded");
                assertTrue(after.sum("tcc_deliveries_total", "channel=webhook", "outcome=sent")
                        - before.sum("tcc_deliveries_total", "channel=webhook", "outcome=sent") >= 1,
                        "the webhook delivery counted as sent");
                assertTrue(after.sum("tcc_deliveries_total", "channel=email", "outcome=sent")
                        - before.sum("tcc_deliveries_total", "channel=email", "outcome=sent") >= 1,
                        "the e-mail counted as sent");
                assertTrue(after.has("tcc_alerts_unacknowledged"), "unacknowledged alerts by country");
            });
        }
    }
}

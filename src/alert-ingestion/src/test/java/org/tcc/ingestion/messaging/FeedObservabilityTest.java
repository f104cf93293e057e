package org.tcc.ingestion.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcc.ingestion.messaging.SignedReports.SIGNER;
import static org.tcc.ingestion.messaging.SignedReports.bytes;
import static org.tcc.ingestion.messaging.SignedReports.report;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.CloudEvents;
import org.tcc.contracts.Country;
import org.tcc.contracts.FeedSignature;
import org.tcc.contracts.Topics;
import org.tcc.contracts.events.GeoPoint;
import org.tcc.contracts.events.feed.MissileLaunchReport;
import org.tcc.testsupport.KafkaProbe;
import org.tcc.testsupport.PrometheusText;

/**
 * A sensor report's trace and the feed's health as an operations centre sees them, against the real broker and
 * database: the alert event continues the report's W3C trace (stored with the outbox row, on the record as
 * {@code traceparent} and {@code ce_traceparent}); applied, duplicate and forged reports, the dead letter and the
 * report -> alert-event latency are counted on {@code /q/metrics}.
 */
@QuarkusTest
class FeedObservabilityTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    EntityManager em;

    private static String randomHex(int chars) {
        String hex = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        return hex.substring(0, chars);
    }

    private static void publish(MissileLaunchReport report, String traceparent) {
        byte[] payload = bytes(report);
        Map<String, String> headers = new HashMap<>();
        headers.put(FeedSignature.KAFKA_HEADER, SIGNER.sign(report.sensorId(), payload));
        if (traceparent != null) {
            headers.put("traceparent", traceparent);
        }
        KafkaProbe.send(Topics.FEED_MISSILE_LAUNCH, report.sensorId(), payload, headers);
    }

    private static String traceId(String traceparent) {
        assertNotNull(traceparent, "a traceparent");
        assertEquals(55, traceparent.length(), traceparent);
        return traceparent.substring(3, 35);
    }

    @Test
    void theAlertEventContinuesTheSensorReportsTrace() {
        String traceId = randomHex(32);
        String sensorSpan = randomHex(16);
        GeoPoint site = new GeoPoint(41.2, 129.1);
        try (KafkaProbe alerts = KafkaProbe.fromNow(Topics.ALERTS)) {
            publish(report("kr-greenpine-1", Country.KOR, site, new GeoPoint(40.5, 136.0)),
                    "00-" + traceId + "-" + sensorSpan + "-01");

            ConsumerRecord<String, byte[]> event = alerts.await(
                    r -> traceId.equals(traceIdOrNull(KafkaProbe.header(r, "traceparent"))), 1, WAIT).get(0);

            assertEquals(traceId, traceId(KafkaProbe.header(event, "ce_traceparent")),
                    "the CloudEvents distributed-tracing extension names the same trace");
            String eventId = KafkaProbe.header(event, CloudEvents.HEADER_ID);
            String stored = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                    "SELECT trace_parent FROM outbox_event WHERE event_id = CAST(?1 AS uuid)")
                    .setParameter(1, eventId).getSingleResult());
            assertEquals(traceId, traceId(stored), "the trace context is stored with the outbox row");
        }
    }

    private static String traceIdOrNull(String traceparent) {
        return traceparent == null || traceparent.length() != 55 ? null : traceparent.substring(3, 35);
    }

    @Test
    void appliedDuplicateAndForgedReportsAndTheLatencyAreCounted() {
        PrometheusText before = PrometheusText.scrape(management);
        GeoPoint site = new GeoPoint(40.1, 127.3);
        MissileLaunchReport report = report("jp-fps5-sado", Country.JPN, site, new GeoPoint(39.0, 134.5));
        byte[] payload = bytes(report);
        String signature = SIGNER.sign(report.sensorId(), payload);
        try (KafkaProbe alerts = KafkaProbe.fromNow(Topics.ALERTS)) {
            SignedReports.publish(report.sensorId(), payload, signature);
            alerts.await(r -> KafkaProbe.value(r).contains(report.reportId()), 1, WAIT);
        }
        SignedReports.publish(report.sensorId(), payload, signature); // redelivered: changes nothing
        MissileLaunchReport other = report("jp-fps5-sado", Country.JPN, new GeoPoint(40.3, 127.5),
                new GeoPoint(39.2, 134.8));
        SignedReports.publish(other.sensorId(), bytes(other), signature); // another report's signature: forged

        Awaitility.await("applied, duplicate and forged reports counted").atMost(WAIT)
                .pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
                    PrometheusText after = PrometheusText.scrape(management);
                    assertTrue(delta(before, after, "tcc_reports_total", "outcome=applied") >= 1, "applied");
                    assertTrue(delta(before, after, "tcc_reports_total", "outcome=duplicate") >= 1, "duplicate");
                    assertTrue(delta(before, after, "tcc_reports_total", "outcome=rejected", "reason=FORGED") >= 1,
                            "forged");
                    assertTrue(delta(before, after, "tcc_dead_letters_total", "topic=" + Topics.FEED_MISSILE_LAUNCH,
                            "reason=FORGED") >= 1, "the forged report's dead letter");
                    assertTrue(delta(before, after, "tcc_report_to_alert_event_seconds_count") >= 1,
                            "report -> alert-event latency recorded");
                    assertTrue(delta(before, after, "tcc_alerts_total", "change=raised") >= 1, "alert raised");
                    assertTrue(after.has("tcc_report_to_alert_event_seconds_bucket"), "a histogram with buckets");
                });
    }

    private static double delta(PrometheusText before, PrometheusText after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}

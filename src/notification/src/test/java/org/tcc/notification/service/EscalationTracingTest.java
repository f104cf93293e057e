package org.tcc.notification.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.CloudEvents;
import org.tcc.contracts.Country;
import org.tcc.contracts.EventType;
import org.tcc.contracts.Json;
import org.tcc.contracts.Topics;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertRaised;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.notification.Directory;
import org.tcc.notification.Events;
import org.tcc.notification.WebhookReceiver;
import org.tcc.testsupport.KafkaProbe;
import org.tcc.testsupport.OtlpReceiver;
import org.tcc.testsupport.OtlpReceiver.ReceivedSpan;

/**
 * An escalation belongs to the trace of the alert event that started it, against the real broker and database, with
 * the OpenTelemetry SDK exporting to a real OTLP/HTTP receiver: the watch row keeps the event's trace context, the
 * scheduler's {@code notification escalate} span is a child of the event's consumer span, the duty officer's e-mail
 * and webhook spans are children of the escalation span, and the webhook request carries its span as
 * {@code traceparent}.
 */
@QuarkusTest
@TestProfile(EscalationTracingTest.Traced.class)
class EscalationTracingTest {

    /** The test profile's 3-second acknowledgement timeout, with every span exported to the test's receiver. */
    public static class Traced implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return OtlpReceiver.shared().quarkusSettings();
        }
    }

    @Inject
    EntityManager em;

    @Test
    void theDutyOfficersNoticesContinueTheTraceOfTheAlertEventThatStartedTheWatch() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String gatewaySpan = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String alertId = Events.newId();
        try (WebhookReceiver hook = WebhookReceiver.accepting()) {
            Directory.setWebhook("JPN", "jp-duty", hook.url(), "test-secret-0123456789");
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
            headers.put("traceparent", "00-" + traceId + "-" + gatewaySpan + "-01");
            KafkaProbe.send(EventType.ALERT_RAISED.topic(), alertId, Json.toBytes(raised), headers);

            // the watch keeps the trace context of the event that started it
            await().atMost(Duration.ofSeconds(20)).until(() -> watchTrace(alertId) != null);
            assertEquals(traceId, watchTrace(alertId).substring(3, 35), "the watch row keeps the event's trace");

            // JPN stays silent: its duty officer is told by webhook (and e-mail), with the attempt's trace context
            await().atMost(Duration.ofSeconds(30)).until(() -> !hook.requestsContaining(alertId).isEmpty());
            WebhookReceiver.Request request = hook.requestsContaining(alertId).get(0);
            assertTrue(request.body().contains("ACKNOWLEDGEMENT_OVERDUE"), request.body());
            assertNotNull(request.traceparent(), "the webhook request carries its trace context");
            assertEquals(traceId, request.traceparent().substring(3, 35), "the webhook continues the report's trace");
            String overdueTrace = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                    "SELECT trace_parent FROM notification WHERE alert_id = ?1 AND source_key LIKE 'ack-overdue/%'"
                            + " AND chain_step = 'DUTY_OFFICER'").setParameter(1, alertId).getResultList().get(0));
            assertEquals(traceId, overdueTrace.substring(3, 35), "the overdue notice continues the report's trace");

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                List<ReceivedSpan> trace = OtlpReceiver.shared().spans().stream()
                        .filter(s -> s.traceId().equals(traceId)).toList();
                ReceivedSpan consumed = only(trace, s -> s.name().equals(Topics.ALERTS + " process"), trace);
                assertEquals(gatewaySpan, consumed.parentSpanId(), "the consumer continues the record's context");
                Set<String> steps = trace.stream().filter(s -> s.name().equals("notification escalate"))
                        .peek(s -> assertEquals(consumed.spanId(), s.parentSpanId(),
                                "an escalation step is a child of the alert event's consumer span"))
                        .map(ReceivedSpan::spanId).collect(Collectors.toSet());
                assertFalse(steps.isEmpty(), "the escalation step is in the report's trace: " + names(trace));
                ReceivedSpan post = only(trace, s -> s.name().equals("webhook POST"), trace);
                assertEquals(3, post.kind(), "webhook POST is a client span");
                assertTrue(steps.contains(post.parentSpanId()), "the duty officer's webhook is a child of the step");
                assertEquals(post.spanId(), request.traceparent().substring(36, 52),
                        "the receiver's parent is the webhook POST span");
                assertTrue(trace.stream().anyMatch(s -> s.name().equals("email send")
                        && steps.contains(s.parentSpanId())), "the duty officer's e-mail is a child of the step: "
                        + names(trace));
            });
        } finally {
            Directory.setWebhook("JPN", "jp-duty", null, null);
        }
    }

    private String watchTrace(String alertId) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT trace_parent FROM escalation WHERE alert_id = ?1 AND country = 'JPN'")
                .setParameter(1, alertId).getResultList());
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    private static ReceivedSpan only(List<ReceivedSpan> trace, java.util.function.Predicate<ReceivedSpan> match,
                                     List<ReceivedSpan> all) {
        List<ReceivedSpan> found = trace.stream().filter(match).toList();
        assertEquals(1, found.size(), "one matching span in " + names(all));
        return found.get(0);
    }

    private static String names(List<ReceivedSpan> trace) {
        return trace.stream().map(s -> s.name() + "(" + s.spanId() + "<-" + s.parentSpanId() + ")")
                .collect(Collectors.joining(", "));
    }
}

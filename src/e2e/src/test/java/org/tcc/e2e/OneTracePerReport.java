package org.tcc.e2e;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.tcc.contracts.Topics;
import org.tcc.testsupport.OtlpReceiver;

/**
 * What the OTLP receiver must have seen of one sensor report: a single trace, started by the sensor gateway's
 * {@code traceparent}, that spans every hop across the three service processes, each span's parent in the trace; and
 * the e-mail and the webhook call of a report's notice in a report's trace, each a descendant, parent by parent and
 * across the processes (a producer span in one, its consumer span in the next), of the feed consumer that took the
 * report, the webhook receiver's {@code traceparent} naming the webhook call's span.
 */
final class OneTracePerReport {

    static final int CLIENT = 3;
    static final int PRODUCER = 4;
    static final int CONSUMER = 5;

    /** A hop: the service that emits the span, its name, its kind (0: any). */
    record Hop(String service, String name, int kind) {
        boolean matches(OtlpReceiver.ReceivedSpan span) {
            return span.service().equals(service) && span.name().equals(name) && (kind == 0 || span.kind() == kind);
        }

        @Override
        public String toString() {
            return service + ": " + name;
        }
    }

    static final List<Hop> HOPS = List.of(
            new Hop("alert-ingestion", Topics.FEED_MISSILE_LAUNCH + " process", CONSUMER),
            new Hop("alert-ingestion", Topics.ALERTS + " publish", PRODUCER),
            new Hop("consultation", Topics.ALERTS + " process", CONSUMER),
            new Hop("consultation", Topics.CONSULTATIONS + " publish", PRODUCER),
            new Hop("notification", Topics.ALERTS + " process", CONSUMER),
            new Hop("notification", Topics.CONSULTATIONS + " process", CONSUMER),
            new Hop("notification", "notification stream write", PRODUCER));

    static final Hop EMAIL = new Hop("notification", "email send", CLIENT);
    static final Hop WEBHOOK = new Hop("notification", "webhook POST", CLIENT);

    private OneTracePerReport() {
    }

    static void assertSpansEveryHop(OtlpReceiver otlp, List<String> reportTraces, WebhookSink webhook) {
        try {
            Awaitility.await("one sensor report's trace spanning every hop").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500)).until(() -> complete(otlp, reportTraces) != null);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no sensor report's trace spans every hop " + HOPS + " with its parents: "
                    + summary(otlp, reportTraces), e);
        }
        String trace = complete(otlp, reportTraces);
        System.out.println("trace " + trace + " of a sensor report spans " + HOPS + " ("
                + otlp.spans().stream().filter(s -> s.traceId().equals(trace)).count() + " spans)");
        // e-mail and webhook continue a report's trace too (possibly a later report's: an update may coalesce the
        // first delivery), each span's chain of parents reaching back to the feed consumer
        List<OtlpReceiver.ReceivedSpan> mail = awaitDelivery(otlp, reportTraces, EMAIL, null);
        System.out.println("e-mail: " + chain(mail));
        List<OtlpReceiver.ReceivedSpan> post = awaitDelivery(otlp, reportTraces, WEBHOOK, webhook);
        System.out.println("webhook: " + chain(post) + " -> the receiver");
    }

    /**
     * Waits for a span of {@code hop} in a report's trace whose ancestry ({@link #ancestry}) is complete; for the
     * webhook, also a request at {@code webhook} whose {@code traceparent} is that span (the receiver's parent).
     * Returns the ancestry, root first.
     */
    private static List<OtlpReceiver.ReceivedSpan> awaitDelivery(OtlpReceiver otlp, List<String> reportTraces,
                                                                 Hop hop, WebhookSink webhook) {
        java.util.concurrent.atomic.AtomicReference<List<OtlpReceiver.ReceivedSpan>> found =
                new java.util.concurrent.atomic.AtomicReference<>();
        try {
            Awaitility.await("a " + hop + " span descending from a sensor report's feed consumer")
                    .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                        List<OtlpReceiver.ReceivedSpan> spans = otlp.spans();
                        for (OtlpReceiver.ReceivedSpan s : spans) {
                            if (!hop.matches(s) || !reportTraces.contains(s.traceId())) {
                                continue;
                            }
                            List<OtlpReceiver.ReceivedSpan> ancestry = ancestry(s, spans);
                            String asParent = "00-" + s.traceId() + "-" + s.spanId() + "-01";
                            if (ancestry != null && (webhook == null || webhook.received().stream()
                                    .anyMatch(r -> asParent.equals(r.traceparent())))) {
                                found.set(ancestry);
                                return true;
                            }
                        }
                        return false;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no " + hop + " span descends, parent by parent across the processes, from a"
                    + " sensor report's feed consumer" + (webhook == null ? "" : " with the webhook receiver's"
                    + " traceparent naming it (received: " + webhook.received().stream()
                    .map(WebhookSink.Received::traceparent).toList() + ")") + ": " + summary(otlp, reportTraces)
                    + "\n  " + hop + " spans: " + otlp.spans().stream().filter(hop::matches)
                    .map(s -> s.traceId() + "/" + s.spanId() + "<-" + s.parentSpanId()).toList(), e);
        }
        return found.get();
    }

    /**
     * The chain of parents from {@code span} up to the feed consumer of a report (root first), or null when a parent
     * is missing, the chain does not start at the feed consumer, or a step from one service to another is not a
     * producer span followed by its consumer span (the only way a trace crosses processes here: a Kafka record).
     */
    static List<OtlpReceiver.ReceivedSpan> ancestry(OtlpReceiver.ReceivedSpan span,
                                                    List<OtlpReceiver.ReceivedSpan> spans) {
        Map<String, OtlpReceiver.ReceivedSpan> byId = spans.stream().filter(s -> s.traceId().equals(span.traceId()))
                .collect(Collectors.toMap(OtlpReceiver.ReceivedSpan::spanId, s -> s, (a, b) -> a));
        java.util.LinkedList<OtlpReceiver.ReceivedSpan> chain = new java.util.LinkedList<>();
        OtlpReceiver.ReceivedSpan at = span;
        while (at != null && chain.size() < 64) {
            chain.addFirst(at);
            if (HOPS.get(0).matches(at)) {
                break;
            }
            at = byId.get(at.parentSpanId());
        }
        if (at == null || !HOPS.get(0).matches(chain.getFirst())) {
            return null;
        }
        for (int i = 1; i < chain.size(); i++) {
            OtlpReceiver.ReceivedSpan parent = chain.get(i - 1);
            OtlpReceiver.ReceivedSpan child = chain.get(i);
            if (!parent.service().equals(child.service())
                    && (parent.kind() != PRODUCER || child.kind() != CONSUMER)) {
                return null;
            }
        }
        Set<String> services = chain.stream().map(OtlpReceiver.ReceivedSpan::service).collect(Collectors.toSet());
        return services.contains("alert-ingestion") && services.contains("notification") ? chain : null;
    }

    private static String chain(List<OtlpReceiver.ReceivedSpan> chain) {
        return chain.stream().map(s -> s.service() + ": " + s.name()).collect(Collectors.joining(" -> "));
    }

    /** The first report trace with every hop and no dangling parent, or null. */
    static String complete(OtlpReceiver otlp, List<String> reportTraces) {
        Map<String, List<OtlpReceiver.ReceivedSpan>> byTrace = otlp.spans().stream()
                .filter(s -> reportTraces.contains(s.traceId()))
                .collect(Collectors.groupingBy(OtlpReceiver.ReceivedSpan::traceId));
        for (String trace : reportTraces) {
            List<OtlpReceiver.ReceivedSpan> spans = byTrace.getOrDefault(trace, List.of());
            boolean everyHop = HOPS.stream().allMatch(h -> spans.stream().anyMatch(h::matches));
            if (everyHop && connected(spans)) {
                return trace;
            }
        }
        return null;
    }

    /**
     * Every span's parent is in the trace, except the feed consumer's: its parent is the sensor gateway's span,
     * which is not exported (it lives in the sensor's system).
     */
    private static boolean connected(List<OtlpReceiver.ReceivedSpan> spans) {
        Set<String> ids = spans.stream().map(OtlpReceiver.ReceivedSpan::spanId).collect(Collectors.toSet());
        for (OtlpReceiver.ReceivedSpan s : spans) {
            boolean root = s.parentSpanId().isEmpty() || HOPS.get(0).matches(s);
            if (!root && !ids.contains(s.parentSpanId())) {
                return false;
            }
        }
        return true;
    }

    private static String summary(OtlpReceiver otlp, List<String> reportTraces) {
        Set<String> seen = new HashSet<>();
        StringBuilder out = new StringBuilder(otlp.requests() + " export requests (" + otlp.diagnostics() + "), "
                + otlp.spans().size() + " spans; per report trace:");
        for (String trace : reportTraces) {
            if (seen.add(trace)) {
                out.append("\n  ").append(trace).append(": ").append(otlp.spans().stream()
                        .filter(s -> s.traceId().equals(trace)).map(s -> s.service() + "/" + s.name())
                        .distinct().sorted().collect(Collectors.joining(", ")));
            }
        }
        return out.toString();
    }
}

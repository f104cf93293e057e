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

/**
 * What the OTLP receiver must have seen of one sensor report: a single trace, started by the sensor gateway's
 * {@code traceparent}, that spans every hop across the three service processes, each span's parent in the trace.
 */
final class OneTracePerReport {

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

    static final Hop EMAIL = new Hop("notification", "email send", 0);

    private OneTracePerReport() {
    }

    static void assertSpansEveryHop(OtlpReceiver otlp, List<String> reportTraces) {
        try {
            Awaitility.await("one sensor report's trace spanning every hop").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500)).until(() -> complete(otlp, reportTraces) != null);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no sensor report's trace spans every hop " + HOPS + " with its parents: "
                    + summary(otlp, reportTraces), e);
        }
        String trace = complete(otlp, reportTraces);
        // e-mail continues a report's trace too (possibly a later report's: an update may coalesce the first mail)
        Awaitility.await("an e-mail span in a sensor report's trace").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> otlp.spans().stream()
                        .anyMatch(s -> EMAIL.matches(s) && reportTraces.contains(s.traceId())));
        System.out.println("trace " + trace + " of a sensor report spans " + HOPS + " ("
                + otlp.spans().stream().filter(s -> s.traceId().equals(trace)).count() + " spans)");
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

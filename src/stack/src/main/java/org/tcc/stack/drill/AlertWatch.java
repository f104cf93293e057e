package org.tcc.stack.drill;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.tcc.contracts.CloudEvents;
import org.tcc.contracts.Json;
import org.tcc.contracts.Topics;
import org.tcc.contracts.events.alert.AlertRaised;
import org.tcc.contracts.events.alert.AlertUpdated;
import org.tcc.contracts.events.alert.AppliedReport;
import org.tcc.stack.infra.KafkaClient;
import org.tcc.stack.infra.KafkaReaders;

/**
 * Matches each alert event on {@code tcc.alerts.v1} to the sensor reports that caused it (its
 * {@code appliedReports}). The topic is read once the
 * drill is over, from the end offsets noted when it began to the end, so no consumer has to live through the
 * broker being killed. The latency is the alert record's timestamp minus the report record's (both Kafka
 * CreateTime, one clock), kept per {@link DrillFeed.Phase} and per calm-phase window. An event the outbox relay published twice (same
 * {@code ce_id} at another offset) is counted, not matched twice.
 */
final class AlertWatch {

    /** A report sent: its record timestamp, latency class and calm-phase window ({@link DrillFeed#NO_WINDOW}). */
    record Sent(long timestamp, DrillFeed.Phase phase, int window) {
    }

    private final KafkaClient client;
    private final Map<TopicPartition, Long> start;
    private final Map<String, Sent> pending = new ConcurrentHashMap<>();
    private final Map<String, Integer> eventCopies = new HashMap<>();
    private final Map<DrillFeed.Phase, Histogram> latency = new EnumMap<>(DrillFeed.Phase.class);
    private final Histogram all = new Histogram(TimeUnit.HOURS.toMillis(1), 3);
    private final Map<Integer, Histogram> perWindow = new TreeMap<>();
    private long matched;

    /** Notes where the topic ends now: the drill's events come after. */
    AlertWatch(KafkaClient client) {
        this.client = client;
        for (DrillFeed.Phase phase : DrillFeed.Phase.values()) {
            latency.put(phase, new Histogram(TimeUnit.HOURS.toMillis(1), 3));
        }
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            start = consumer.endOffsets(partitions(consumer));
        }
    }

    /** A valid report was sent. */
    void sent(String reportId, long timestamp, DrillFeed.Phase phase, int window) {
        pending.put(reportId, new Sent(timestamp, phase, window));
    }

    long matched() {
        return matched;
    }

    /** Alert events that were on the topic more than once (same ce_id), and how many extra copies in all. */
    long[] republished() {
        long events = 0;
        long copies = 0;
        for (int n : eventCopies.values()) {
            if (n > 1) {
                events++;
                copies += n - 1;
            }
        }
        return new long[] {events, copies};
    }

    Histogram latency(DrillFeed.Phase phase) {
        return latency.get(phase).copy();
    }

    Histogram all() {
        return all.copy();
    }

    /** Every calm-phase window of {@code feed}'s plan, with its valid reports' latency (count 0 if none matched). */
    List<WindowStats.Window> windows(DrillFeed feed) {
        List<WindowStats.Window> windows = new ArrayList<>();
        for (int w = 0; w < feed.windowCount(); w++) {
            Histogram h = perWindow.get(w);
            windows.add(h == null || h.getTotalCount() == 0
                    ? new WindowStats.Window(w, DrillFeed.withBad(w), feed.fullWindow(w), 0, 0, 0)
                    : new WindowStats.Window(w, DrillFeed.withBad(w), feed.fullWindow(w), h.getTotalCount(),
                    h.getValueAtPercentile(50), h.getValueAtPercentile(99)));
        }
        return windows;
    }

    /** Reads the topic from where it ended when the drill began to where it ends now, matching every event. */
    void collect() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            consumer.assign(partitions);
            start.forEach(consumer::seek);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    onRecord(record);
                }
            }
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return KafkaReaders.reader(client, "drill");
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
        return consumer.partitionsFor(Topics.ALERTS).stream()
                .map(p -> new TopicPartition(Topics.ALERTS, p.partition())).toList();
    }

    private void onRecord(ConsumerRecord<String, byte[]> record) {
        String id = header(record, CloudEvents.HEADER_ID);
        String type = header(record, CloudEvents.HEADER_TYPE);
        if (id == null || type == null || eventCopies.merge(id, 1, Integer::sum) > 1) {
            return;
        }
        List<AppliedReport> applied;
        try {
            applied = type.contains("AlertRaised") ? Json.read(record.value(), AlertRaised.class).appliedReports()
                    : type.contains("AlertUpdated") ? Json.read(record.value(), AlertUpdated.class).appliedReports()
                    : null;
        } catch (RuntimeException e) {
            return; // not ours to judge: the consumers dead-letter what they cannot read
        }
        for (AppliedReport report : applied == null ? List.<AppliedReport>of() : applied) {
            Sent sent = pending.remove(report.reportId());
            if (sent != null) {
                long millis = Math.min(Math.max(0, record.timestamp() - sent.timestamp()), TimeUnit.HOURS.toMillis(1));
                latency.get(sent.phase()).recordValue(millis);
                all.recordValue(millis);
                if (sent.window() != DrillFeed.NO_WINDOW) {
                    perWindow.computeIfAbsent(sent.window(), w -> new Histogram(TimeUnit.HOURS.toMillis(1), 3))
                            .recordValue(millis);
                }
                matched++;
            }
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /**
     * Statistics of the calm phase's windows, robust to one slow window: per kind the median over windows of the
     * window p50 and p99, and a paired comparison of adjacent windows with a sign test. The sign test assumes
     * nothing about how latencies are distributed; it only asks whether the window with bad messages is the slower
     * one of its pair more often than chance (p = 0.5) would make it.
     */
    static final class WindowStats {

        /** Significance level below which a paired difference is called detected. */
        static final double ALPHA = 0.05;

        /** One calm-phase window: its valid reports' count and latency percentiles (ms). */
        record Window(int index, boolean withBad, boolean full, long count, long p50, long p99) {
            /** Whether the window takes part in the window statistics: whole, and with reports measured. */
            boolean usable() {
                return full && count > 0;
            }
        }

        /**
         * The paired comparison of one metric: per pair the bad window minus the clean one; ties count as neither
         * and are left out of the sign test, as usual.
         */
        record Pairs(int pairs, int badHigher, int cleanHigher, int ties, double p, double medianDifference) {

            boolean detectable() {
                return pairs > 0 && p < ALPHA;
            }

            /** A plain-words verdict, e.g. "no difference detectable (...)". */
            String verdict(String metric) {
                if (pairs == 0) {
                    return "nothing to compare: no pair of whole windows with measured reports";
                }
                String counts = String.format("%s higher with bad messages in %d of %d pairs, lower in %d, equal in %d;"
                        + " sign test p = %.4f", metric, badHigher, pairs, cleanHigher, ties, p);
                if (!detectable()) {
                    int informative = badHigher + cleanHigher;
                    String power = signTestP(informative, 0) >= ALPHA
                            ? String.format(" -- too few pairs: with %d unequal pairs even all one way gives p = %.3f,"
                            + " measure more windows", informative, signTestP(informative, 0)) : "";
                    return String.format("no difference detectable (%s; median paired difference %+.0f ms)%s", counts,
                            medianDifference, power);
                }
                return String.format("windows %s bad messages are slower by %.0f ms in %s (median of the paired"
                        + " differences, bad - clean = %+.0f ms; %s)", badHigher > cleanHigher ? "WITH" : "WITHOUT",
                        Math.abs(medianDifference), metric, medianDifference, counts);
            }
        }

        private WindowStats() {
        }

        /** Median of the values (mean of the two middle ones for an even count); NaN when there are none. */
        static double median(long[] values) {
            if (values.length == 0) {
                return Double.NaN;
            }
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            int mid = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
        }

        /** Median over the usable windows of one kind of {@code metric} (e.g. the window p99). */
        static double medianOver(List<Window> windows, boolean withBad, ToLongFunction<Window> metric) {
            return median(windows.stream().filter(w -> w.usable() && w.withBad() == withBad).mapToLong(metric)
                    .toArray());
        }

        /** Usable windows of one kind. */
        static long usable(List<Window> windows, boolean withBad) {
            return windows.stream().filter(w -> w.usable() && w.withBad() == withBad).count();
        }

        /**
         * Two-sided sign test: the probability, under a fair coin, of a split of {@code higher + lower} pairs at
         * least as uneven as this one, i.e. {@code min(1, 2 * P(X <= min(higher, lower)))} for X ~ Bin(n, 1/2).
         * 1 when there are no pairs.
         */
        static double signTestP(int higher, int lower) {
            int n = higher + lower;
            int k = Math.min(higher, lower);
            double logHalfN = n * Math.log(0.5);
            double logChoose = 0; // log C(n, 0)
            double tail = 0;
            for (int i = 0; i <= k; i++) {
                tail += Math.exp(logChoose + logHalfN);
                logChoose += Math.log(n - i) - Math.log(i + 1);
            }
            return Math.min(1.0, 2 * tail);
        }

        /**
         * Pairs adjacent windows k and k + 1 for every k of the given parity ({@code first = 0}: clean window k
         * against bad window k + 1, the comparison the drill reports; {@code first = 1}: bad window k against the
         * clean window k + 1 after it, which reverses the order in time, so that a drift over the calm phase
         * shows as the two disagreeing), both usable.
         */
        static Pairs compare(List<Window> windows, ToLongFunction<Window> metric, int first) {
            Map<Integer, Window> byIndex = new HashMap<>();
            windows.forEach(w -> byIndex.put(w.index(), w));
            List<Long> differences = new ArrayList<>();
            int badHigher = 0;
            int cleanHigher = 0;
            for (Window a : windows) {
                Window b = byIndex.get(a.index() + 1);
                if (a.index() % 2 != first || b == null || !a.usable() || !b.usable() || a.withBad() == b.withBad()) {
                    continue;
                }
                Window bad = a.withBad() ? a : b;
                Window clean = a.withBad() ? b : a;
                long d = metric.applyAsLong(bad) - metric.applyAsLong(clean);
                differences.add(d);
                if (d > 0) {
                    badHigher++;
                } else if (d < 0) {
                    cleanHigher++;
                }
            }
            int pairs = differences.size();
            return new Pairs(pairs, badHigher, cleanHigher, pairs - badHigher - cleanHigher,
                    signTestP(badHigher, cleanHigher),
                    median(differences.stream().mapToLong(Long::longValue).toArray()));
        }
    }
}

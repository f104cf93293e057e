package org.tcc.stack.drill;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
import org.tcc.stack.infra.KafkaReaders;

/**
 * Matches each alert event on {@code tcc.alerts.v1} to the sensor report that caused it (AlertRaised: by launch
 * point and the one sensor it names; AlertUpdated: "refined by sensor report <id>"). The topic is read once the
 * drill is over, from the end offsets noted when it began to the end, so no consumer has to live through the
 * broker being killed. The latency is the alert record's timestamp minus the report record's (both Kafka
 * CreateTime, one clock), kept per {@link DrillFeed.Phase}. An event the outbox relay published twice (same
 * {@code ce_id} at another offset) is counted, not matched twice.
 */
final class AlertWatch {

    /** A report sent: its record timestamp and latency class. */
    record Sent(long timestamp, DrillFeed.Phase phase) {
    }

    private final String bootstrap;
    private final Map<TopicPartition, Long> start;
    private final Map<String, Sent> pending = new ConcurrentHashMap<>();
    private final Map<String, String> reportOf = new ConcurrentHashMap<>(); // site/sensor -> report id
    private final Map<String, Integer> eventCopies = new HashMap<>();
    private final Map<DrillFeed.Phase, Histogram> latency = new EnumMap<>(DrillFeed.Phase.class);
    private final Histogram all = new Histogram(TimeUnit.HOURS.toMillis(1), 3);
    private long matched;

    /** Notes where the topic ends now: the drill's events come after. */
    AlertWatch(String bootstrap) {
        this.bootstrap = bootstrap;
        for (DrillFeed.Phase phase : DrillFeed.Phase.values()) {
            latency.put(phase, new Histogram(TimeUnit.HOURS.toMillis(1), 3));
        }
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            start = consumer.endOffsets(partitions(consumer));
        }
    }

    /** A valid report was sent: {@code site} is its launch point's key, {@code sensorId} who reported it. */
    void sent(String reportId, String site, String sensorId, long timestamp, DrillFeed.Phase phase) {
        pending.put(reportId, new Sent(timestamp, phase));
        reportOf.put(site + "/" + sensorId, reportId);
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
        return KafkaReaders.reader(bootstrap, "drill");
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
        String reportId = null;
        try {
            if (type.contains("AlertRaised")) {
                AlertRaised raised = Json.read(record.value(), AlertRaised.class);
                // raised by whichever of the launch's three reports was fused first (they travel on different
                // partitions, so not always the USA one): the one sensor the new alert names
                reportId = raised.alert().launch() == null ? null
                        : reportOf.get(DrillFeed.siteKey(raised.alert().launch().launchPoint()) + "/"
                        + raised.alert().launch().sensors().get(0));
            } else if (type.contains("AlertUpdated")) {
                String reason = Json.read(record.value(), AlertUpdated.class).reason();
                reportId = reason != null && reason.startsWith("refined by sensor report ")
                        ? reason.substring("refined by sensor report ".length()) : null;
            }
        } catch (RuntimeException e) {
            return; // not ours to judge: the consumers dead-letter what they cannot read
        }
        Sent sent = reportId == null ? null : pending.remove(reportId);
        if (sent != null) {
            long millis = Math.max(0, record.timestamp() - sent.timestamp());
            latency.get(sent.phase()).recordValue(Math.min(millis, TimeUnit.HOURS.toMillis(1)));
            all.recordValue(Math.min(millis, TimeUnit.HOURS.toMillis(1)));
            matched++;
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}

package org.tcc.stack.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.tcc.stack.infra.KafkaClient;
import org.tcc.stack.infra.KafkaReaders;
import org.tcc.stack.infra.KafkaTopics;

/**
 * The bare transport TCC is compared with: as many Kafka hops as a report takes to reach a live stream (sensor →
 * feed topic → ingestion → alerts topic → notification), with no processing. A relay consumes hop 1 and produces
 * each record unchanged to hop 2 with the feed's producer settings (acks=all, idempotent, linger 0); a reader
 * records the latency from the intended send time to the record's arrival at the end of hop 2.
 */
final class BareKafka implements AutoCloseable {

    static final String HOP_1 = "tcc.bench.hop-1";
    static final String HOP_2 = "tcc.bench.hop-2";
    private static final String SENT_AT = "bench-sent-at";

    private final KafkaClient client;
    private final KafkaProducer<String, byte[]> producer;
    private final Thread relay;
    private final Thread reader;
    private volatile boolean running = true;
    private volatile Histogram histogram = new Histogram(TimeUnit.MINUTES.toMillis(10), 3);
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong lastArrival = new AtomicLong();

    /** {@code client}: the bench's identity on the same secured listener as the feed, so the ratios stay fair. */
    BareKafka(KafkaClient client) {
        this.client = client;
        KafkaTopics.createPlain(client, List.of(HOP_1, HOP_2), Duration.ofMinutes(1));
        producer = SensorFeed.producer(client);
        relay = new Thread(this::relay, "bare-relay");
        reader = new Thread(this::read, "bare-reader");
        relay.start();
        reader.start();
    }

    /** Starts a new measurement. */
    void reset() {
        histogram = new Histogram(TimeUnit.MINUTES.toMillis(10), 3);
        received.set(0);
    }

    /** Publishes report {@code i} of {@code reports} (same key, value and headers as on the feed topic) to hop 1. */
    void send(PresignedReports reports, int i, long intendedMillis) {
        ProducerRecord<String, byte[]> record = reports.feedRecord(HOP_1, i, intendedMillis);
        record.headers().add(SENT_AT, ByteBuffer.allocate(Long.BYTES).putLong(intendedMillis).array());
        producer.send(record);
    }

    void flush() {
        producer.flush();
    }

    long received() {
        return received.get();
    }

    long lastArrival() {
        return lastArrival.get();
    }

    synchronized Histogram histogram() {
        return histogram.copy();
    }

    private void relay() {
        try (KafkaConsumer<String, byte[]> consumer = consumer("bench-relay");
             KafkaProducer<String, byte[]> out = SensorFeed.producer(client)) {
            consumer.subscribe(List.of(HOP_1));
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    out.send(new ProducerRecord<>(HOP_2, null, r.timestamp(), r.key(), r.value(), r.headers()));
                }
                consumer.commitAsync();
            }
        }
    }

    private void read() {
        try (KafkaConsumer<String, byte[]> consumer = consumer("bench-reader")) {
            consumer.subscribe(List.of(HOP_2));
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.currentTimeMillis();
                    Header sentAt = r.headers().lastHeader(SENT_AT);
                    if (sentAt == null) {
                        continue;
                    }
                    long latency = Math.max(0, now - ByteBuffer.wrap(sentAt.value()).getLong());
                    synchronized (this) {
                        histogram.recordValue(Math.min(latency, histogram.getHighestTrackableValue()));
                    }
                    received.incrementAndGet();
                    lastArrival.set(now);
                }
                consumer.commitAsync();
            }
        }
    }

    private KafkaConsumer<String, byte[]> consumer(String group) {
        // a fresh group each run, starting at the end: nothing left over from an earlier run is measured
        Properties latest = new Properties();
        latest.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        return KafkaReaders.reader(client, group, latest);
    }

    /** Sends report 0 of {@code probe} until it comes through both hops: the consumers have their partitions. */
    void awaitAssigned(PresignedReports probe, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long before = received.get();
        while (System.nanoTime() < deadline) {
            send(probe, 0, System.currentTimeMillis());
            flush();
            Thread.sleep(500);
            if (received.get() > before) {
                return;
            }
        }
        throw new IllegalStateException("the bare-Kafka relay received nothing within " + timeout);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        relay.join(5_000);
        reader.join(5_000);
        producer.close();
    }
}

package org.tcc.stack.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.tcc.contracts.Country;
import org.tcc.contracts.FeedSignature;
import org.tcc.contracts.Json;
import org.tcc.contracts.Topics;
import org.tcc.contracts.events.GeoPoint;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertRaised;
import org.tcc.contracts.events.alert.AlertUpdated;
import org.tcc.contracts.events.feed.MissileClass;
import org.tcc.contracts.events.feed.MissileLaunchReport;
import org.tcc.stack.StackLayout;
import org.tcc.stack.feed.SensorSigner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Load on the alert-ingestion path of a running stack: signed sensor reports published on the feed topic at fixed
 * rates (each launch seen by a USA, a KOR and a JPN sensor: one AlertRaised and two AlertUpdated), and the latency
 * from report published to the alert event it caused being published (both Kafka record timestamps), with
 * HdrHistogram. Prints throughput, p50/p99/p99.9/max, and the CPU and resident memory of every stack process.
 */
@Command(name = "bench-feed", mixinStandardHelpOptions = true,
        description = "Benchmark sensor reports -> alert events on a running stack (./tcc up first).")
public class FeedBenchmark implements Callable<Integer> {

    private static final String[][] SENSORS = {{"us-tpy2-kyogamisaki", "USA"}, {"kr-greenpine-1", "KOR"},
            {"jp-fps5-sado", "JPN"}};

    @Option(names = "--rates", split = ",", defaultValue = "100,300,600",
            description = "reports per second, one measured point each (default: ${DEFAULT-VALUE})")
    List<Integer> rates;

    @Option(names = "--seconds", defaultValue = "20", description = "duration of each point")
    int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "60", description = "throw-away load first (JIT warm-up)")
    int warmupSeconds;

    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, String> firstReportOfLaunch = new ConcurrentHashMap<>();
    private volatile Histogram histogram = new Histogram(TimeUnit.MINUTES.toMillis(5), 3);
    private final AtomicLong matched = new AtomicLong();
    private final Random random = new Random();
    private int nextCell;

    @Override
    public Integer call() throws Exception {
        StackLayout layout = StackLayout.fromEnvironment();
        SensorSigner signer = SensorSigner.fromJwks(layout.root().resolve("deploy/sensors/local-sensors.private.jwks.json"));
        nextCell = random.nextInt(16_000);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread observer = new Thread(() -> observe(layout.kafkaBootstrap(), running), "alert-observer");
        observer.start();
        try (KafkaProducer<String, byte[]> producer = producer(layout.kafkaBootstrap())) {
            if (warmupSeconds > 0) {
                System.out.printf("warm-up: %d s at %d reports/s%n", warmupSeconds, rates.get(0));
                run(producer, signer, rates.get(0), warmupSeconds);
                drain();
            }
            System.out.println();
            System.out.println("| reports/s offered | reports sent | alert events matched | achieved reports/s"
                    + " | p50 ms | p99 ms | p99.9 ms | max ms |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            List<String> cpu = new ArrayList<>();
            for (int rate : rates) {
                Map<String, ProcessStats.Sample> before = ProcessStats.read(layout.pidFile(), layout.home().resolve("postgres"));
                histogram = new Histogram(TimeUnit.MINUTES.toMillis(5), 3);
                matched.set(0);
                long start = System.nanoTime();
                long sent = run(producer, signer, rate, seconds);
                drain();
                double elapsed = (System.nanoTime() - start) / 1e9;
                Map<String, ProcessStats.Sample> after = ProcessStats.read(layout.pidFile(), layout.home().resolve("postgres"));
                Histogram h = histogram;
                System.out.printf("| %d | %d | %d | %.0f | %d | %d | %d | %d |%n", rate, sent, matched.get(),
                        matched.get() / Math.max(elapsed, seconds), h.getValueAtPercentile(50),
                        h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue());
                StringBuilder line = new StringBuilder("| " + rate + " |");
                for (String name : after.keySet()) {
                    ProcessStats.Sample a = after.get(name);
                    ProcessStats.Sample b = before.getOrDefault(name, a);
                    line.append(String.format(" %s %.0f%% / %d MB |", name,
                            100 * (a.cpuSeconds() - b.cpuSeconds()) / elapsed, a.rssKb() / 1024));
                }
                cpu.add(line.toString());
            }
            System.out.println();
            System.out.println("CPU (share of one core) and resident memory per process, per point:");
            cpu.forEach(System.out::println);
        } finally {
            running.set(false);
            observer.join(5_000);
        }
        return 0;
    }

    /** Sends {@code rate} reports per second for {@code seconds}, paced; returns how many were sent. */
    private long run(KafkaProducer<String, byte[]> producer, SensorSigner signer, int rate, int seconds)
            throws InterruptedException {
        long total = (long) rate * seconds;
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        GeoPoint site = null;
        GeoPoint impact = null;
        String launchKey = null;
        for (long i = 0; i < total; i++) {
            int sensor = (int) (i % SENSORS.length);
            if (sensor == 0) {
                site = nextSite();
                double impactLon = site.lon() + 5.0;
                impact = new GeoPoint(site.lat() + 1.0, impactLon > 180 ? impactLon - 360 : impactLon);
                launchKey = null;
            }
            String reportId = "bench-" + UUID.randomUUID();
            MissileLaunchReport report = new MissileLaunchReport(reportId, SENSORS[sensor][0],
                    Country.valueOf(SENSORS[sensor][1]), Instant.now().truncatedTo(ChronoUnit.MILLIS), site, impact,
                    900.0, 1000.0, 1800, MissileClass.IRBM, 0.8, null, TrafficStatus.TEST);
            byte[] payload = Json.toBytes(report);
            long now = System.currentTimeMillis();
            if (launchKey == null) {
                launchKey = key(site);
                firstReportOfLaunch.put(launchKey, reportId);
            }
            sentAt.put(reportId, now);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.FEED_MISSILE_LAUNCH, null, now,
                    report.sensorId(), payload);
            record.headers().add(FeedSignature.KAFKA_HEADER,
                    signer.sign(report.sensorId(), payload).getBytes(StandardCharsets.UTF_8));
            producer.send(record);
            long due = start + (i + 1) * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
        producer.flush();
        return total;
    }

    /**
     * Launch sites on a grid 1 degree of latitude by 1.5 degrees of longitude apart (more than the 50 km fusion
     * gate up to 60 degrees north), over mostly open ocean, so separate launches never fuse.
     */
    private GeoPoint nextSite() {
        int cell = nextCell++ % 16_000;
        double lon = 100 + (cell % 160) * 1.5;
        return new GeoPoint(-40 + (cell / 160) * 1.0, lon >= 180 ? lon - 360 : lon);
    }

    private static String key(GeoPoint p) {
        return String.format("%.4f,%.4f", p.lat(), p.lon());
    }

    /** Waits until every sent report's alert event arrived, or nothing arrived for 10 s (then they are lost). */
    private void drain() throws InterruptedException {
        long last = -1;
        long quietSince = System.nanoTime();
        while (!sentAt.isEmpty()) {
            long now = matched.get();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > Duration.ofSeconds(10).toNanos()) {
                System.out.printf("  %d reports without an alert event after 10 s of silence%n", sentAt.size());
                sentAt.clear();
                return;
            }
            Thread.sleep(200);
        }
    }

    private void observe(String bootstrap, AtomicBoolean running) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS).stream()
                    .map(p -> new TopicPartition(Topics.ALERTS, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    String reportId = reportOf(record);
                    Long sent = reportId == null ? null : sentAt.remove(reportId);
                    if (sent != null) {
                        histogram.recordValue(Math.max(0, record.timestamp() - sent));
                        matched.incrementAndGet();
                    }
                }
            }
        }
    }

    private String reportOf(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader("ce_type");
        if (type == null) {
            return null;
        }
        String ceType = new String(type.value(), StandardCharsets.UTF_8);
        if (ceType.contains("AlertRaised")) {
            AlertRaised raised = Json.read(record.value(), AlertRaised.class);
            return raised.alert().launch() == null ? null
                    : firstReportOfLaunch.remove(key(raised.alert().launch().launchPoint()));
        }
        if (ceType.contains("AlertUpdated")) {
            String reason = Json.read(record.value(), AlertUpdated.class).reason();
            return reason != null && reason.startsWith("refined by sensor report ")
                    ? reason.substring("refined by sensor report ".length()) : null;
        }
        return null;
    }

    static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }
}

package org.tcc.stack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.tcc.contracts.Country;
import org.tcc.contracts.Json;
import org.tcc.contracts.Topics;
import org.tcc.stack.StackLayout;
import org.tcc.stack.demo.Api;
import org.tcc.stack.demo.LiveStream;
import org.tcc.stack.feed.SensorSigner;
import org.tcc.stack.infra.KafkaReaders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * End-to-end load on a running stack, against the bare transport. Signed sensor reports are published on the feed
 * topic at fixed rates (each launch seen by a USA, a KOR and a JPN sensor: one AlertRaised and two AlertUpdated);
 * the latency is measured from the report's intended send time (so a generator falling behind does not hide
 * queueing) to its alert event on {@code tcc.alerts.v1} and to its notification on the live stream of each of the
 * three countries' liaisons. At each rate the same reports also go through {@link BareKafka}: the same number of
 * Kafka hops with no processing. Then salvos (20 launches × 3 sensors within one second). Prints every figure,
 * with CPU and resident memory of each stack process, and writes a CSV and a PNG plot of latency against rate.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "End-to-end load benchmark against a bare-Kafka baseline, on a running stack (./tcc up first).")
public class LoadBenchmark implements Callable<Integer> {

    private static final Map<Country, String> LIAISONS = Map.of(Country.USA, "us-liaison", Country.KOR, "kr-liaison",
            Country.JPN, "jp-liaison");

    @Option(names = "--rates", split = ",", defaultValue = "10,20,40,80,160,320",
            description = "sensor reports per second, one measured point each (default: ${DEFAULT-VALUE})")
    List<Integer> rates;

    @Option(names = "--seconds", defaultValue = "30", description = "duration of each point (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "30",
            description = "throw-away load at the first rate first, for the JIT (default: ${DEFAULT-VALUE})")
    int warmupSeconds;

    @Option(names = "--salvos", defaultValue = "3", description = "salvos of 20 launches x 3 sensors within 1 s")
    int salvos;

    @Option(names = "--give-up-p99-ms", defaultValue = "20000",
            description = "stop raising the rate once TCC's p99 exceeds this (default: ${DEFAULT-VALUE})")
    long giveUpP99Ms;

    @Option(names = "--drain-seconds", defaultValue = "20",
            description = "after a point, how long without progress before the rest count as not delivered")
    int drainSeconds;

    @Option(names = "--out", defaultValue = ".tcc/bench", description = "where the CSV and the PNG plot go")
    Path out;

    /** One measured point. */
    private record Point(String kind, int rate, long sent, long completed, double achieved, Histogram alertEvent,
                         Histogram stream, Histogram allStreams, long bareReceived, double bareAchieved,
                         Histogram bare, Map<String, String> resources) {
    }

    private final AtomicReference<LatencyTracker> tracker = new AtomicReference<>(new LatencyTracker());

    @Override
    public Integer call() throws Exception {
        StackLayout layout = StackLayout.fromEnvironment();
        SensorSigner signer = SensorSigner.fromJwks(layout.root().resolve("deploy/sensors/local-sensors.private.jwks.json"));
        String runId = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        SensorFeed feed = new SensorFeed(signer, runId, ThreadLocalRandom.current().nextInt(16_000));
        Api api = new Api(layout.issuer());
        String notification = layout.services().stream().filter(s -> s.name().equals("notification")).findFirst()
                .orElseThrow().url();
        List<LiveStream> streams = new ArrayList<>();
        for (Country country : Country.values()) {
            streams.add(new LiveStream(notification + "/api/v1/notifications/stream", api.token(LIAISONS.get(country)),
                    country.name(), received -> onStream(country, received)));
        }
        AtomicBoolean running = new AtomicBoolean(true);
        Thread observer = new Thread(() -> observeAlerts(layout.kafkaBootstrap(), running), "alert-observer");
        observer.start();
        List<Point> points = new ArrayList<>();
        List<Point> salvoPoints = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = SensorFeed.producer(layout.kafkaBootstrap());
             BareKafka bare = new BareKafka(layout.kafkaBootstrap())) {
            System.out.printf("run %s: streams of %s open; checking the path end to end%n", runId,
                    LIAISONS.values());
            Point probe = measure("probe", layout, producer, feed, bare, 3, 1, false);
            if (probe.completed() < 3) {
                System.out.println("the first launch did not reach all three streams: is the stack up and ready?");
                return 1;
            }
            bare.awaitAssigned(feed.nextLaunch().get(0), Duration.ofSeconds(30));
            if (warmupSeconds > 0) {
                System.out.printf("warm-up: %d s at %d reports/s%n", warmupSeconds, rates.get(0));
                measure("warm-up", layout, producer, feed, bare, rates.get(0), warmupSeconds, true);
            }
            for (int rate : rates) {
                System.out.printf("point: %d reports/s for %d s%n", rate, seconds);
                Point p = measure("rate", layout, producer, feed, bare, rate, seconds, true);
                points.add(p);
                System.out.println("  " + summary(p));
                if (p.allStreams().getValueAtPercentile(99) > giveUpP99Ms || p.completed() < p.sent()) {
                    System.out.println("  saturated: not raising the rate further");
                    break;
                }
            }
            for (int i = 0; i < salvos; i++) {
                Thread.sleep(5_000);
                System.out.printf("salvo %d: 20 launches x 3 sensors within one second%n", i + 1);
                Point p = measure("salvo", layout, producer, feed, bare, 60, 1, true);
                salvoPoints.add(p);
                System.out.println("  " + summary(p));
            }
        } finally {
            running.set(false);
            observer.join(5_000);
            streams.forEach(LiveStream::close);
        }
        report(points, salvoPoints);
        write(points, salvoPoints);
        return 0;
    }

    /**
     * Sends {@code rate} reports per second for {@code seconds} through TCC and waits for them on every stream, then
     * (when {@code withBaseline}) the same through the bare hops.
     */
    private Point measure(String kind, StackLayout layout, KafkaProducer<String, byte[]> producer, SensorFeed feed, BareKafka bare,
                          int rate, int seconds, boolean withBaseline) throws Exception {
        LatencyTracker t = new LatencyTracker();
        tracker.set(t);
        Map<String, ProcessStats.Sample> before = ProcessStats.read(layout.pidFile(), layout.home().resolve("postgres"));
        long startNanos = System.nanoTime();
        long start = System.currentTimeMillis();
        long sent = pace(feed, rate, seconds, (report, intended) -> {
            producer.send(SensorFeed.record(report, intended));
            t.sent(report, intended);
        });
        producer.flush();
        drain(t::outstanding, t::completed);
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        Map<String, ProcessStats.Sample> after = ProcessStats.read(layout.pidFile(), layout.home().resolve("postgres"));
        Map<String, String> resources = new LinkedHashMap<>();
        after.forEach((name, a) -> {
            ProcessStats.Sample b = before.getOrDefault(name, a);
            resources.put(name, String.format(Locale.ROOT, "%.0f%% / %d MB",
                    100 * (a.cpuSeconds() - b.cpuSeconds()) / elapsed, a.rssKb() / 1024));
        });
        long completed = t.completed();
        double achieved = completed == 0 ? 0 : completed / Math.max(seconds, (t.lastCompletion() - start) / 1000.0);
        if (t.outstanding() > 0) {
            System.out.printf("  %d reports not on every stream after %d s without progress; missing: %s%n",
                    t.outstanding(), drainSeconds, t.missing());
            t.abandon();
        }
        Histogram bareHistogram = new Histogram(1, TimeUnit.MINUTES.toMillis(10), 3);
        long bareReceived = 0;
        double bareAchieved = 0;
        if (withBaseline) {
            bare.reset();
            long bareStart = System.currentTimeMillis();
            long bareSent = pace(feed, rate, seconds, (report, intended) -> bare.send(report, intended));
            bare.flush();
            drain(() -> (int) (bareSent - bare.received()), bare::received);
            bareReceived = bare.received();
            bareHistogram = bare.histogram();
            bareAchieved = bareReceived / Math.max(seconds, (bare.lastArrival() - bareStart) / 1000.0);
        }
        return new Point(kind, rate, sent, completed, achieved,
                t.stage(LatencyTracker.Stage.ALERT_EVENT), t.anyStream(), t.allStreams(), bareReceived, bareAchieved,
                bareHistogram, resources);
    }

    /** Paced sending: slot i is due at start + i/rate; returns how many were sent. */
    private static long pace(SensorFeed feed, int rate, int seconds, BiConsumer<SensorFeed.SignedReport, Long> send)
            throws InterruptedException {
        long total = (long) rate * seconds;
        long startNanos = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        Deque<SensorFeed.SignedReport> launch = new ArrayDeque<>();
        for (long i = 0; i < total; i++) {
            if (launch.isEmpty()) {
                launch.addAll(feed.nextLaunch());
            }
            long offsetNanos = i * 1_000_000_000L / rate;
            long wait = startNanos + offsetNanos - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            send.accept(launch.poll(), startMillis + offsetNanos / 1_000_000);
        }
        return total;
    }

    private void drain(java.util.function.IntSupplier outstanding, java.util.function.LongSupplier progress)
            throws InterruptedException {
        long last = -1;
        long quietSince = System.nanoTime();
        while (outstanding.getAsInt() > 0) {
            long now = progress.getAsLong();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(drainSeconds)) {
                return;
            }
            Thread.sleep(50);
        }
    }

    private void onStream(Country country, LiveStream.Received received) {
        try {
            JsonNode notice = Json.mapper().readTree(received.data());
            tracker.get().seen(LatencyTracker.stageOf(country), notice.path("sourceEventType").asText(null),
                    notice.get("event"), received.at().toEpochMilli());
        } catch (IOException e) {
            System.out.println("unreadable notification on the " + country + " stream: " + e.getMessage());
        }
    }

    private void observeAlerts(String bootstrap, AtomicBoolean running) {
        try (KafkaConsumer<String, byte[]> consumer = KafkaReaders.reader(bootstrap, "bench")) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS).stream()
                    .map(p -> new TopicPartition(Topics.ALERTS, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    Header type = record.headers().lastHeader("ce_type");
                    if (type == null || record.value() == null) {
                        continue;
                    }
                    tracker.get().seen(LatencyTracker.Stage.ALERT_EVENT,
                            new String(type.value(), StandardCharsets.UTF_8), Json.mapper().readTree(record.value()),
                            record.timestamp());
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String summary(Point p) {
        return String.format(Locale.ROOT, "TCC: %d/%d on all 3 streams, %.0f/s, p50 %d ms, p99 %d ms | bare Kafka:"
                        + " %d, p50 %d ms, p99 %d ms", p.completed(), p.sent(), p.achieved(),
                p.stream().getValueAtPercentile(50), p.stream().getValueAtPercentile(99), p.bareReceived(),
                p.bare().getValueAtPercentile(50), p.bare().getValueAtPercentile(99));
    }

    private static void report(List<Point> points, List<Point> salvos) {
        System.out.println();
        System.out.println("End to end: sensor report published -> notification received on each country's live"
                + " stream (every report x USA, KOR, JPN); 'all 3' = until the last of the three has it; 'alert"
                + " event' = report -> alert event on tcc.alerts.v1. Milliseconds.");
        System.out.println();
        System.out.println("| reports/s offered | sent | on all 3 streams | achieved/s | stream p50 | p99 | p99.9 | max"
                + " | all 3 p99 | alert event p50 | alert event p99 |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Point p : points) {
            System.out.printf(Locale.ROOT, "| %d | %d | %d | %.0f | %d | %d | %d | %d | %d | %d | %d |%n", p.rate(),
                    p.sent(), p.completed(), p.achieved(), p50(p.stream()), p99(p.stream()), p999(p.stream()),
                    p.stream().getMaxValue(), p99(p.allStreams()), p50(p.alertEvent()), p99(p.alertEvent()));
        }
        System.out.println();
        System.out.println("Bare Kafka, same run, same rates: two hops (produce -> consume -> produce -> consume),"
                + " acks=all, idempotent, linger 0, no processing. Ratios = TCC / bare.");
        System.out.println();
        System.out.println("| reports/s offered | bare received | bare achieved/s | bare p50 | p99 | p99.9 | max"
                + " | ratio p50 | ratio p99 | ratio p99.9 | throughput ratio |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Point p : points) {
            System.out.printf(Locale.ROOT, "| %d | %d | %.0f | %d | %d | %d | %d | %s | %s | %s | %.2f |%n",
                    p.rate(), p.bareReceived(), p.bareAchieved(), p50(p.bare()), p99(p.bare()), p999(p.bare()),
                    p.bare().getMaxValue(), ratio(p50(p.stream()), p50(p.bare())),
                    ratio(p99(p.stream()), p99(p.bare())), ratio(p999(p.stream()), p999(p.bare())),
                    p.bareAchieved() == 0 ? 0 : p.achieved() / p.bareAchieved());
        }
        if (!salvos.isEmpty()) {
            System.out.println();
            System.out.println("Salvos: 20 launches x 3 sensors (60 reports) within one second.");
            System.out.println();
            System.out.println("| salvo | on all 3 streams | stream p50 | p99 | max (last country, last report)"
                    + " | bare p50 | bare max | ratio max |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            int i = 1;
            for (Point p : salvos) {
                System.out.printf(Locale.ROOT, "| %d | %d/%d | %d | %d | %d | %d | %d | %s |%n", i++, p.completed(),
                        p.sent(), p50(p.stream()), p99(p.stream()), p.allStreams().getMaxValue(), p50(p.bare()),
                        p.bare().getMaxValue(), ratio(p.allStreams().getMaxValue(), p.bare().getMaxValue()));
            }
        }
        System.out.println();
        System.out.println("CPU (share of one core) / resident memory per process, per point:");
        System.out.println();
        List<String> names = points.isEmpty() ? List.of() : new ArrayList<>(points.get(0).resources().keySet());
        System.out.println("| reports/s | " + String.join(" | ", names) + " |");
        System.out.println("|---|" + "---|".repeat(names.size()));
        for (Point p : points) {
            System.out.println("| " + p.rate() + " | " + String.join(" | ",
                    names.stream().map(n -> p.resources().getOrDefault(n, "-")).toList()) + " |");
        }
    }

    private void write(List<Point> points, List<Point> salvos) throws IOException {
        Files.createDirectories(out);
        StringBuilder csv = new StringBuilder("kind,rate,sent,completed,achieved_per_s,stream_p50_ms,stream_p99_ms,"
                + "stream_p999_ms,stream_max_ms,all3_p99_ms,alert_event_p50_ms,alert_event_p99_ms,bare_received,"
                + "bare_achieved_per_s,bare_p50_ms,bare_p99_ms,bare_p999_ms,bare_max_ms\n");
        List<Point> all = new ArrayList<>(points);
        all.addAll(salvos);
        for (Point p : all) {
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%.1f,%d,%d,%d,%d,%d,%d,%d,%d,%.1f,%d,%d,%d,%d%n",
                    p.kind(), p.rate(), p.sent(), p.completed(), p.achieved(), p50(p.stream()), p99(p.stream()),
                    p999(p.stream()), p.stream().getMaxValue(), p99(p.allStreams()), p50(p.alertEvent()),
                    p99(p.alertEvent()), p.bareReceived(), p.bareAchieved(), p50(p.bare()), p99(p.bare()),
                    p999(p.bare()), p.bare().getMaxValue()));
        }
        Files.writeString(out.resolve("results.csv"), csv);
        Map<String, List<double[]>> lines = new LinkedHashMap<>();
        for (Point p : points) {
            lines.computeIfAbsent("TCC p50", k -> new ArrayList<>()).add(new double[] {p.rate(), p50(p.stream())});
            lines.computeIfAbsent("TCC p99", k -> new ArrayList<>()).add(new double[] {p.rate(), p99(p.stream())});
            lines.computeIfAbsent("TCC p99.9", k -> new ArrayList<>()).add(new double[] {p.rate(), p999(p.stream())});
            lines.computeIfAbsent("bare Kafka p50", k -> new ArrayList<>()).add(new double[] {p.rate(), p50(p.bare())});
            lines.computeIfAbsent("bare Kafka p99", k -> new ArrayList<>()).add(new double[] {p.rate(), p99(p.bare())});
        }
        Map<String, Color> colors = Map.of("TCC p50", new Color(0, 90, 180), "TCC p99", new Color(200, 60, 20),
                "TCC p99.9", new Color(120, 0, 120), "bare Kafka p50", new Color(0, 90, 180),
                "bare Kafka p99", new Color(200, 60, 20));
        List<LatencyPlot.Series> series = new ArrayList<>();
        lines.forEach((label, pts) -> series.add(new LatencyPlot.Series(label, colors.get(label),
                label.startsWith("bare"), pts)));
        Path png = out.resolve("latency-vs-rate.png");
        LatencyPlot.write(png, "Sensor report -> notification on each country's live stream (2 cores, whole stack)",
                series);
        System.out.println();
        System.out.println("wrote " + out.resolve("results.csv") + " and " + png);
    }

    private static long p50(Histogram h) {
        return h.getValueAtPercentile(50);
    }

    private static long p99(Histogram h) {
        return h.getValueAtPercentile(99);
    }

    private static long p999(Histogram h) {
        return h.getValueAtPercentile(99.9);
    }

    private static String ratio(long tcc, long bare) {
        return String.format(Locale.ROOT, "%.1f", (double) tcc / Math.max(1, bare));
    }

}

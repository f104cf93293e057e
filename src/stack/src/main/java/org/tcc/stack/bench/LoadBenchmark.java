package org.tcc.stack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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
import org.tcc.stack.infra.KafkaClient;
import org.tcc.stack.infra.KafkaPrincipal;
import org.tcc.stack.infra.KafkaReaders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * End-to-end load on a running stack, against the bare transport. Signed sensor reports are published on the feed
 * topic at fixed rates (each launch seen by a USA, a KOR and a JPN sensor: one AlertRaised and two AlertUpdated),
 * every report of a point signed before the point starts and sent from that list on an absolute schedule; the
 * latency is measured from the report's intended send time (so a generator falling behind does not hide queueing,
 * and its own lag is printed) to its alert event on {@code tcc.alerts.v1} and to its notification on the live
 * stream of each of the three countries' liaisons. At each rate the same reports also go through
 * {@link BareKafka}: the same number of Kafka hops with no processing. Then salvos (20 launches × 3 sensors
 * within one second). The liaisons acknowledge a share of the alerts (so escalations do not pile up), and the
 * escalations that did run are counted per point. Prints every figure, with CPU (share, and milliseconds per
 * report) and resident memory of each stack process, and writes a CSV and a PNG plot of latency against rate.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "End-to-end load benchmark against a bare-Kafka baseline, on a running stack (./tcc up first).")
public class LoadBenchmark implements Callable<Integer> {

    private static final Map<Country, String> LIAISONS = Map.of(Country.USA, "us-liaison", Country.KOR, "kr-liaison",
            Country.JPN, "jp-liaison");

    @Option(names = "--rates", split = ",", defaultValue = "100,300,1000,2000,5000",
            description = "sensor reports per second, one measured point each (default: ${DEFAULT-VALUE})")
    List<Integer> rates;

    @Option(names = "--seconds", defaultValue = "20", description = "duration of each point (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "30",
            description = "throw-away load at the first rate first, for the JIT (default: ${DEFAULT-VALUE})")
    int warmupSeconds;

    @Option(names = "--salvos", defaultValue = "3", description = "salvos of 20 launches x 3 sensors within 1 s")
    int salvos;

    @Option(names = "--give-up-p99-ms", defaultValue = "2000",
            description = "stop raising the rate once the p99 until all 3 streams have a report exceeds this, or"
                    + " reports go missing (default: ${DEFAULT-VALUE})")
    long giveUpP99Ms;

    @Option(names = "--drain-seconds", defaultValue = "20",
            description = "after a point, how long without progress before the rest count as not delivered")
    int drainSeconds;

    @Option(names = "--ack-share", defaultValue = "1.0",
            description = "share of the alerts raised in a point that each country's liaison acknowledges"
                    + " (0 = none; default: ${DEFAULT-VALUE})")
    double ackShare;

    @Option(names = "--ack-delay-ms", defaultValue = "2000",
            description = "how long after its stream raised an alert a liaison acknowledges it (default:"
                    + " ${DEFAULT-VALUE})")
    long ackDelayMs;

    @Option(names = "--ack-max-per-second", defaultValue = "2000",
            description = "at most this many acknowledgement requests per second (default: ${DEFAULT-VALUE})")
    int ackMaxPerSecond;

    @Option(names = "--ack-in-flight", defaultValue = "16",
            description = "at most this many acknowledgement requests at once (default: ${DEFAULT-VALUE})")
    int ackInFlight;

    @Option(names = "--signing-threads", defaultValue = "0",
            description = "threads that sign a point's reports before it starts (0 = one per core)")
    int signingThreads;

    @Option(names = "--out", defaultValue = ".tcc/bench", description = "where the CSV and the PNG plot go")
    Path out;

    /** One measured point. */
    private record Point(String kind, int rate, long sent, long completed, double achieved, Pacer.Pacing pacing,
                         double signSeconds, Histogram alertEvent, Histogram stream, Histogram allStreams,
                         long bareReceived, double bareAchieved, Histogram bare, Pacer.Pacing barePacing,
                         double bareCpuMsPerReport, Map<String, ResourceUse> resources, Acknowledgements.Tally acks,
                         Map<String, Long> escalationsBefore, Map<String, Long> escalationsTcc,
                         Map<String, Long> escalationsBare) {

        long escalationsInPoint() {
            return Escalations.total(escalationsTcc) + Escalations.total(escalationsBare);
        }
    }

    private final AtomicReference<LatencyTracker> tracker = new AtomicReference<>();
    private final Escalations escalations = new Escalations();
    private Acknowledgements acks;
    private RunConditions conditions;
    private ExecutorService signers;

    @Override
    public Integer call() throws Exception {
        StackLayout layout = StackLayout.fromEnvironment();
        SensorSigner signer = SensorSigner.fromJwks(layout.root().resolve("deploy/sensors/local-sensors.private.jwks.json"));
        String runId = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        SensorFeed feed = new SensorFeed(signer, runId, ThreadLocalRandom.current().nextInt(SensorFeed.CELLS));
        conditions = RunConditions.read(layout.postgresPort(), layout.logs().resolve("alert-ingestion.log"));
        System.out.println("run " + runId + ": " + conditions.describe());
        if (!"on".equals(conditions.fsync())) {
            System.out.println("  note: PostgreSQL runs with fsync " + conditions.fsync() + ": commits look cheaper"
                    + " than in production (./tcc up without TCC_PG_FSYNC=off gives fsync=on)");
        }
        Api api = new Api(layout.issuer());
        String notification = layout.services().stream().filter(s -> s.name().equals("notification")).findFirst()
                .orElseThrow().url();
        String ingestion = layout.services().stream().filter(s -> s.name().equals("alert-ingestion")).findFirst()
                .orElseThrow().url();
        signers = Executors.newFixedThreadPool(signingThreads > 0 ? signingThreads
                : Runtime.getRuntime().availableProcessors(), r -> {
                    Thread t = new Thread(r, "signer");
                    t.setDaemon(true);
                    return t;
                });
        // a fresh Api per token: Api caches its tokens, and a 401 asks for a new one
        acks = new Acknowledgements(ingestion, country -> new Api(layout.issuer()).token(LIAISONS.get(country)),
                ackShare, ackDelayMs, ackMaxPerSecond, ackInFlight);
        System.out.printf(Locale.ROOT, "liaisons acknowledge %.0f%% of the alerts their stream raises, %d ms after"
                        + " (at most %d/s, %d at once)%n", 100 * ackShare, ackDelayMs, ackMaxPerSecond, ackInFlight);
        List<LiveStream> streams = new ArrayList<>();
        for (Country country : Country.values()) {
            // a fresh token at each reconnection: the service ends a stream when its token expires (15 min)
            streams.add(new LiveStream(notification + "/api/v1/notifications/stream",
                    () -> new Api(layout.issuer()).token(LIAISONS.get(country)), country.name(),
                    received -> onStream(country, received)));
        }
        AtomicBoolean running = new AtomicBoolean(true);
        KafkaClient kafka = layout.kafka(KafkaPrincipal.BENCH);
        Thread observer = new Thread(() -> observeAlerts(kafka, running), "alert-observer");
        observer.start();
        List<Point> points = new ArrayList<>();
        List<Point> salvoPoints = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = SensorFeed.producer(kafka);
             BareKafka bare = new BareKafka(kafka)) {
            System.out.printf("streams of %s open; checking the path end to end%n", LIAISONS.values());
            Point probe = measure("probe", layout, producer, feed, bare, 3, 1, false);
            if (probe.completed() < 3) {
                System.out.println("the first launch did not reach all three streams: is the stack up and ready?");
                return 1;
            }
            bare.awaitAssigned(feed.prepare(1, signers), Duration.ofSeconds(30));
            if (warmupSeconds > 0) {
                System.out.printf("warm-up: %d s at %d reports/s%n", warmupSeconds, rates.get(0));
                Point w = measure("warm-up", layout, producer, feed, bare, rates.get(0), warmupSeconds, true);
                System.out.println("  " + summary(w));
            }
            for (int rate : rates) {
                System.out.printf("point: %d reports/s for %d s%n", rate, seconds);
                Point p = measure("rate", layout, producer, feed, bare, rate, seconds, true);
                points.add(p);
                System.out.println("  " + summary(p));
                if (p.allStreams().getValueAtPercentile(99) > giveUpP99Ms || p.completed() < p.sent()) {
                    System.out.printf("  saturated (all-3 p99 %d ms against a limit of %d ms, %d of %d complete):"
                            + " not raising the rate further%n", p99(p.allStreams()), giveUpP99Ms, p.completed(),
                            p.sent());
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
            acks.close();
            signers.shutdownNow();
        }
        report(points, salvoPoints);
        write(points, salvoPoints);
        return 0;
    }

    /**
     * Signs {@code rate × seconds} reports, sends them through TCC at {@code rate} and waits for them on every
     * stream and for the liaisons' acknowledgements, then (when {@code withBaseline}) sends the same reports
     * through the bare hops.
     */
    private Point measure(String kind, StackLayout layout, KafkaProducer<String, byte[]> producer, SensorFeed feed,
                          BareKafka bare, int rate, int seconds, boolean withBaseline) throws Exception {
        tracker.set(null); // the last point's reports can go before this one's are signed
        long signStart = System.nanoTime();
        PresignedReports reports = feed.prepare(rate * seconds, signers);
        double signSeconds = (System.nanoTime() - signStart) / 1e9;
        if (reports.size() >= 1_000) {
            System.out.printf(Locale.ROOT, "  signed %d reports in %.1f s (%.0f MB)%n", reports.size(), signSeconds,
                    reports.approximateBytes() / 1e6);
        }
        Map<String, Long> escalationsBefore = escalations.take();
        acks.startPoint();
        LatencyTracker t = new LatencyTracker(reports);
        tracker.set(t);
        Map<String, ProcessStats.Sample> before = ProcessStats.read(layout.pidFile(), layout.home().resolve("postgres"));
        long startNanos = System.nanoTime();
        long start = System.currentTimeMillis();
        Pacer.Pacing pacing = Pacer.run(reports.size(), rate, (i, intended) -> {
            t.sent(i, intended);
            producer.send(reports.feedRecord(i, intended));
        });
        producer.flush();
        drain(t::outstanding, t::completed);
        long completed = t.completed();
        double achieved = completed == 0 ? 0 : completed / Math.max(seconds, (t.lastCompletion() - start) / 1000.0);
        if (t.outstanding() > 0) {
            System.out.printf("  %d reports not on every stream after %d s without progress; missing: %s%n",
                    t.outstanding(), drainSeconds, t.missing());
            t.abandon();
        }
        Acknowledgements.Tally ackTally = acks.settle(Duration.ofSeconds(drainSeconds));
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        Map<String, ProcessStats.Sample> after = ProcessStats.read(layout.pidFile(), layout.home().resolve("postgres"));
        Map<String, ResourceUse> resources = ResourceUse.between(before, after, elapsed, completed);
        Map<String, Long> escalationsTcc = escalations.take();
        Histogram bareHistogram = new Histogram(1, TimeUnit.MINUTES.toMillis(10), 3);
        long bareReceived = 0;
        double bareAchieved = 0;
        Pacer.Pacing barePacing = null;
        double bareCpu = Double.NaN;
        if (withBaseline) {
            bare.reset();
            Map<String, ProcessStats.Sample> bareBefore = ProcessStats.read(layout.pidFile(),
                    layout.home().resolve("postgres"));
            long bareStartNanos = System.nanoTime();
            long bareStart = System.currentTimeMillis();
            barePacing = Pacer.run(reports.size(), rate, (i, intended) -> bare.send(reports, i, intended));
            bare.flush();
            long bareSent = reports.size();
            drain(() -> (int) (bareSent - bare.received()), bare::received);
            bareReceived = bare.received();
            bareHistogram = bare.histogram();
            bareAchieved = bareReceived / Math.max(seconds, (bare.lastArrival() - bareStart) / 1000.0);
            Map<String, ResourceUse> bareUse = ResourceUse.between(bareBefore, ProcessStats.read(layout.pidFile(),
                    layout.home().resolve("postgres")), (System.nanoTime() - bareStartNanos) / 1e9, bareReceived);
            bareCpu = msPerReport(bareUse, "kafka") + msPerReport(bareUse, ResourceUse.GENERATOR);
        }
        Map<String, Long> escalationsBare = escalations.take();
        return new Point(kind, rate, reports.size(), completed, achieved, pacing, signSeconds,
                t.stage(LatencyTracker.Stage.ALERT_EVENT), t.anyStream(), t.allStreams(), bareReceived, bareAchieved,
                bareHistogram, barePacing, bareCpu, resources, ackTally, escalationsBefore, escalationsTcc,
                escalationsBare);
    }

    private static double msPerReport(Map<String, ResourceUse> use, String name) {
        ResourceUse u = use.get(name);
        return u == null ? Double.NaN : u.cpuMsPerReport();
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
            if (Escalations.KIND.equals(notice.path("kind").asText(""))) {
                escalations.seen(notice.path("chainStep").asText(null));
                return;
            }
            LatencyTracker t = tracker.get();
            if (t == null) {
                return;
            }
            String type = notice.path("sourceEventType").asText(null);
            int firstSeen = t.seen(LatencyTracker.stageOf(country), type, notice.get("event"),
                    received.at().toEpochMilli());
            if (firstSeen > 0 && type.contains("AlertRaised")) {
                String alertId = notice.path("alertId").asText(null);
                acks.raised(country, alertId != null ? alertId
                        : notice.path("event").path("alert").path("alertId").asText(null));
            }
        } catch (IOException e) {
            System.out.println("unreadable notification on the " + country + " stream: " + e.getMessage());
        }
    }

    private void observeAlerts(KafkaClient kafka, AtomicBoolean running) {
        try (KafkaConsumer<String, byte[]> consumer = KafkaReaders.reader(kafka, "bench")) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS).stream()
                    .map(p -> new TopicPartition(Topics.ALERTS, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    Header type = record.headers().lastHeader("ce_type");
                    LatencyTracker t = tracker.get();
                    if (type == null || record.value() == null || t == null) {
                        continue;
                    }
                    t.seen(LatencyTracker.Stage.ALERT_EVENT, new String(type.value(), StandardCharsets.UTF_8),
                            Json.mapper().readTree(record.value()), record.timestamp());
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String summary(Point p) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "TCC: %d/%d on all 3 streams, %.0f/s, p50 %d"
                        + " ms, p99 %d ms, all-3 p99 %d ms | bare Kafka: %d, p50 %d ms, p99 %d ms | CPU ms/report:"
                        + " stack %s (%s), bare %s",
                p.completed(), p.sent(), p.achieved(), p50(p.stream()), p99(p.stream()), p99(p.allStreams()),
                p.bareReceived(), p50(p.bare()), p99(p.bare()),
                ResourceUse.msText(p.resources().get(ResourceUse.STACK_TOTAL).cpuMsPerReport()),
                String.join(", ", p.resources().values().stream().filter(u -> !u.name().equals(ResourceUse.STACK_TOTAL))
                        .map(u -> u.name() + " " + ResourceUse.msText(u.cpuMsPerReport())).toList()),
                ResourceUse.msText(p.bareCpuMsPerReport())));
        s.append("\n  ").append(p.pacing().describe());
        if (p.barePacing() != null && p.barePacing().behind()) {
            s.append("\n  bare baseline ").append(p.barePacing().describe());
        }
        s.append("\n  ").append(p.acks().describe());
        s.append(String.format(Locale.ROOT, "%n  escalations seen (ACKNOWLEDGEMENT_OVERDUE on the streams): %d during"
                        + " the TCC phase %s, %d during the bare phase %s, %d between points before it %s",
                Escalations.total(p.escalationsTcc()), p.escalationsTcc(), Escalations.total(p.escalationsBare()),
                p.escalationsBare(), Escalations.total(p.escalationsBefore()), p.escalationsBefore()));
        return s.toString();
    }

    private void report(List<Point> points, List<Point> salvos) {
        List<Point> all = new ArrayList<>(points);
        all.addAll(salvos);
        List<String> names = processNames(all);
        System.out.println();
        System.out.println("Run conditions: " + conditions.describe() + String.format(Locale.ROOT,
                "; liaisons acknowledge %.0f%% of alerts after %d ms", 100 * ackShare, ackDelayMs));
        System.out.println();
        System.out.println("End to end: sensor report published -> notification received on each country's live"
                + " stream (every report x USA, KOR, JPN); 'all 3' = until the last of the three has it; 'alert"
                + " event' = report -> alert event on tcc.alerts.v1; bare = the same reports through two bare Kafka"
                + " hops; ratio = TCC stream / bare. Milliseconds; CPU in ms of CPU per report completed (stack"
                + " total = every process but the load generator); escalations = ACKNOWLEDGEMENT_OVERDUE"
                + " notifications seen on the streams during the point (TCC phase / whole point); acks ="
                + " acknowledgements answered 2xx / chosen.");
        System.out.println();
        StringBuilder head = new StringBuilder("| point | offered/s | sent | completed | achieved/s | generator/s"
                + " (lag p99 ms) | stream p50 | p99 | p99.9 | max | all 3 p99 | alert event p50 | p99 | bare p50"
                + " | bare p99 | ratio p50 | ratio p99 |");
        for (String n : names) {
            head.append(" CPU ").append(n).append(" |");
        }
        head.append(" CPU stack total | escalations | acks |");
        System.out.println(head);
        System.out.println("|---".repeat(17 + names.size() + 3) + "|");
        for (Point p : all) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT,
                    "| %s | %d | %d | %d | %.0f | %.0f (%.1f)%s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %s | %s |",
                    p.kind(), p.rate(), p.sent(), p.completed(), p.achieved(), p.pacing().achievedPerSecond(),
                    p.pacing().lagMicros().getValueAtPercentile(99) / 1000.0, p.pacing().behind() ? " BEHIND" : "",
                    p50(p.stream()), p99(p.stream()), p999(p.stream()), p.stream().getMaxValue(), p99(p.allStreams()),
                    p50(p.alertEvent()), p99(p.alertEvent()), p50(p.bare()), p99(p.bare()),
                    ratio(p50(p.stream()), p50(p.bare())), ratio(p99(p.stream()), p99(p.bare()))));
            for (String n : names) {
                ResourceUse u = p.resources().get(n);
                row.append(' ').append(u == null ? "-" : ResourceUse.msText(u.cpuMsPerReport())).append(" |");
            }
            row.append(' ').append(ResourceUse.msText(p.resources().get(ResourceUse.STACK_TOTAL).cpuMsPerReport()))
                    .append(String.format(Locale.ROOT, " | %d / %d | %d / %d |", Escalations.total(p.escalationsTcc()),
                            p.escalationsInPoint(), p.acks().acknowledged(), p.acks().selected()));
            System.out.println(row);
        }
        System.out.println();
        System.out.println("Bare Kafka, same run, same rates: two hops (produce -> consume -> produce -> consume),"
                + " acks=all, idempotent, linger 0, no processing. Ratios = TCC / bare. Bare CPU = Kafka broker +"
                + " load generator (relay and reader) per report.");
        System.out.println();
        System.out.println("| reports/s offered | bare received | bare achieved/s | bare p50 | p99 | p99.9 | max"
                + " | ratio p50 | ratio p99 | ratio p99.9 | throughput ratio | bare CPU ms/report |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Point p : points) {
            System.out.printf(Locale.ROOT, "| %d | %d | %.0f | %d | %d | %d | %d | %s | %s | %s | %.2f | %s |%n",
                    p.rate(), p.bareReceived(), p.bareAchieved(), p50(p.bare()), p99(p.bare()), p999(p.bare()),
                    p.bare().getMaxValue(), ratio(p50(p.stream()), p50(p.bare())),
                    ratio(p99(p.stream()), p99(p.bare())), ratio(p999(p.stream()), p999(p.bare())),
                    p.bareAchieved() == 0 ? 0 : p.achieved() / p.bareAchieved(),
                    ResourceUse.msText(p.bareCpuMsPerReport()));
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
        System.out.println("CPU (share of one core) / resident memory / CPU ms per report completed, per process and"
                + " point (the TCC phase: sending, draining, acknowledgements):");
        System.out.println();
        System.out.println("| point | offered/s | " + String.join(" | ", names) + " | " + ResourceUse.STACK_TOTAL + " |");
        System.out.println("|---|---|" + "---|".repeat(names.size() + 1));
        for (Point p : all) {
            List<String> cells = new ArrayList<>();
            for (String n : names) {
                ResourceUse u = p.resources().get(n);
                cells.add(u == null ? "-" : u.describe());
            }
            cells.add(p.resources().get(ResourceUse.STACK_TOTAL).describe());
            System.out.println("| " + p.kind() + " | " + p.rate() + " | " + String.join(" | ", cells) + " |");
        }
        System.out.println();
        System.out.println("Load accounted for, per point: pre-signing, the generator against its schedule, the"
                + " liaisons' acknowledgements, and the escalations seen on the streams (by chain step).");
        System.out.println();
        System.out.println("| point | offered/s | signed in s | generator sent/s | lag p50 / p99 / max ms | acks"
                + " chosen | acknowledged | failed | abandoned | escalations before | TCC phase | bare phase |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Point p : all) {
            Histogram lag = p.pacing().lagMicros();
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.0f%s | %.1f / %.1f / %.1f | %d | %d | %d | %d | %s | %s"
                            + " | %s |%n", p.kind(), p.rate(), p.signSeconds(), p.pacing().achievedPerSecond(),
                    p.pacing().behind() ? " (BEHIND)" : "", lag.getValueAtPercentile(50) / 1000.0,
                    lag.getValueAtPercentile(99) / 1000.0, lag.getMaxValue() / 1000.0, p.acks().selected(),
                    p.acks().acknowledged(), p.acks().failed(), p.acks().abandoned(),
                    steps(p.escalationsBefore()), steps(p.escalationsTcc()), steps(p.escalationsBare()));
        }
    }

    private static String steps(Map<String, Long> byStep) {
        return byStep.isEmpty() ? "0" : Escalations.total(byStep) + " " + byStep;
    }

    /** The processes seen in any point, in the order first seen, without the stack total. */
    private static List<String> processNames(List<Point> points) {
        List<String> names = new ArrayList<>();
        for (Point p : points) {
            for (String n : p.resources().keySet()) {
                if (!n.equals(ResourceUse.STACK_TOTAL) && !names.contains(n)) {
                    names.add(n);
                }
            }
        }
        return names;
    }

    private void write(List<Point> points, List<Point> salvos) throws IOException {
        Files.createDirectories(out);
        List<Point> all = new ArrayList<>(points);
        all.addAll(salvos);
        List<String> names = new ArrayList<>(processNames(all));
        names.add(ResourceUse.STACK_TOTAL);
        StringBuilder csv = new StringBuilder("kind,rate,sent,completed,achieved_per_s,stream_p50_ms,stream_p99_ms,"
                + "stream_p999_ms,stream_max_ms,all3_p99_ms,alert_event_p50_ms,alert_event_p99_ms,bare_received,"
                + "bare_achieved_per_s,bare_p50_ms,bare_p99_ms,bare_p999_ms,bare_max_ms,ratio_p50,ratio_p99,"
                + "generator_sent_per_s,generator_lag_p99_ms,generator_lag_max_ms,generator_behind,sign_seconds,"
                + "bare_cpu_ms_per_report");
        for (String n : names) {
            String c = column(n);
            csv.append(",cpu_ms_per_report_").append(c).append(",cpu_share_").append(c).append(",rss_mb_").append(c);
        }
        csv.append(",acks_chosen,acks_acknowledged,acks_failed,acks_abandoned,escalations_before,escalations_tcc_phase,"
                + "escalations_bare_phase,ack_share,ack_delay_ms,pg_fsync,pg_synchronous_commit,es256_provider\n");
        for (Point p : all) {
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%.1f,%d,%d,%d,%d,%d,%d,%d,%d,%.1f,%d,%d,%d,%d,%s,%s,"
                            + "%.1f,%.2f,%.2f,%s,%.1f,%s",
                    p.kind(), p.rate(), p.sent(), p.completed(), p.achieved(), p50(p.stream()), p99(p.stream()),
                    p999(p.stream()), p.stream().getMaxValue(), p99(p.allStreams()), p50(p.alertEvent()),
                    p99(p.alertEvent()), p.bareReceived(), p.bareAchieved(), p50(p.bare()), p99(p.bare()),
                    p999(p.bare()), p.bare().getMaxValue(), ratio(p50(p.stream()), p50(p.bare())),
                    ratio(p99(p.stream()), p99(p.bare())), p.pacing().achievedPerSecond(),
                    p.pacing().lagMicros().getValueAtPercentile(99) / 1000.0,
                    p.pacing().lagMicros().getMaxValue() / 1000.0, p.pacing().behind(), p.signSeconds(),
                    csvMs(p.bareCpuMsPerReport())));
            for (String n : names) {
                ResourceUse u = p.resources().get(n);
                csv.append(u == null ? ",,," : String.format(Locale.ROOT, ",%s,%.3f,%d", csvMs(u.cpuMsPerReport()),
                        u.coreShare(), u.rssMb()));
            }
            csv.append(String.format(Locale.ROOT, ",%d,%d,%d,%d,%d,%d,%d,%.3f,%d,%s,%s,%s%n", p.acks().selected(),
                    p.acks().acknowledged(), p.acks().failed(), p.acks().abandoned(),
                    Escalations.total(p.escalationsBefore()), Escalations.total(p.escalationsTcc()),
                    Escalations.total(p.escalationsBare()), ackShare, ackDelayMs, quoted(conditions.fsync()),
                    quoted(conditions.synchronousCommit()), quoted(conditions.es256Provider())));
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

    private static String column(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    private static String csvMs(double ms) {
        return Double.isNaN(ms) ? "" : String.format(Locale.ROOT, "%.3f", ms);
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
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

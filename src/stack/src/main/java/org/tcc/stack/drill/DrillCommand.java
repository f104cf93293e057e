package org.tcc.stack.drill;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.tcc.stack.Health;
import org.tcc.stack.StackLayout;
import org.tcc.stack.bench.SensorFeed;
import org.tcc.stack.demo.Api;
import org.tcc.stack.feed.SensorSigner;
import org.tcc.stack.infra.KafkaClient;
import org.tcc.stack.infra.KafkaPrincipal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./tcc drill}: a failure drill on the running stack. Publishes signed sensor reports with bad messages mixed
 * in while it kills each service, then the Kafka broker, with {@code kill -9} (the supervisor restarts them) and
 * stops PostgreSQL for a while; keeps the three liaisons' live streams open throughout; then waits until the stack
 * is quiet and counts every effect against what was sent (see docs/reliability.md). Exits 0 only when nothing was
 * lost and nothing duplicated.
 */
@Command(name = "drill", mixinStandardHelpOptions = true,
        description = "Failure drill on the running stack (./tcc up first): sensor feed with bad messages, kill -9 of"
                + " each service and of the broker, PostgreSQL stopped; then counts lost and duplicated effects.")
public class DrillCommand implements Callable<Integer> {

    @Option(names = "--reports", defaultValue = "10000", description = "messages to publish, bad ones included"
            + " (default: ${DEFAULT-VALUE})")
    int reports;

    @Option(names = "--rate", defaultValue = "12", description = "messages per second (default: ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--bad-percent", defaultValue = "1", description = "share of forged, malformed and oversized"
            + " messages (default: ${DEFAULT-VALUE})")
    double badPercent;

    @Option(names = "--faults", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "inject the faults (--no-faults: the same feed on a healthy stack)")
    boolean faults;

    @Option(names = "--calm-share", defaultValue = "0.3", description = "share of the feed sent before the first"
            + " fault (default: ${DEFAULT-VALUE})")
    double calmShare;

    @Option(names = "--calm-seconds", description = "length of the calm phase (before the first fault, warm-up"
            + " included) in seconds at --rate; overrides --calm-share")
    Integer calmSeconds;

    @Option(names = "--postgres-pause-seconds", defaultValue = "30")
    int postgresPauseSeconds;

    @Option(names = "--warmup-seconds", defaultValue = "60", description = "start of the calm phase left out of"
            + " the latency comparison (JIT warm-up; default: ${DEFAULT-VALUE})")
    int warmupSeconds;

    @Option(names = "--window-seconds", defaultValue = "20", description = "calm phase after the warm-up: windows"
            + " of this length, alternately without and with bad messages (default: ${DEFAULT-VALUE})")
    int windowSeconds;

    @Option(names = "--settle-minutes", defaultValue = "20", description = "how long to wait for quiescence")
    int settleMinutes;

    private final List<Faults.Fault> injected = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong published = new AtomicLong();
    private volatile String faultFailure;
    private long started;

    @Override
    public Integer call() throws Exception {
        StackLayout layout = StackLayout.fromEnvironment();
        if (!Files.exists(layout.pidFile())
                || !layout.services().stream().allMatch(s -> Health.isUp(s.readinessUrl()))) {
            System.err.println("drill: the stack is not up and ready: start it with ./tcc up first");
            return 2;
        }
        String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMdd-HHmmss"));
        SensorSigner signer = SensorSigner.fromJwks(layout.root().resolve(
                "deploy/sensors/local-sensors.private.jwks.json"));
        if (rate < 1 || windowSeconds < 1 || warmupSeconds < 0 || (calmSeconds != null && calmSeconds < 0)) {
            System.err.println("drill: --rate and --window-seconds must be at least 1, --warmup-seconds and"
                    + " --calm-seconds not negative");
            return 2;
        }
        int calm = calmMessages(reports, rate, calmShare, calmSeconds);
        DrillFeed feed = new DrillFeed(runId, signer, reports, badPercent, calm, rate * warmupSeconds,
                Math.max(1, rate * windowSeconds), new Random().nextInt(16_000));
        Verifier verifier = new Verifier(layout, runId, feed);
        var dlqStart = verifier.deadLetterEnds();
        long[] baseline = verifier.streamBaseline();
        say("drill " + runId + ": " + reports + " messages at " + rate + "/s (" + feed.launches() + " launches x 3"
                + " sensors, " + (reports - 3 * feed.launches()) + " bad), faults " + (faults ? "on" : "off"));
        int whole = (int) IntStream.range(0, feed.windowCount()).filter(feed::fullWindow).count();
        say("calm phase: " + calm + " messages (" + calm / rate + " s), warm-up " + warmupSeconds + " s, then "
                + feed.windowCount() + " windows of " + windowSeconds + " s (" + whole + " whole, " + whole / 2
                + " clean/bad pairs), " + feed.badInCalmWindows() + " bad messages in the windows with bad messages");
        if (whole / 2 < 6) {
            say("warning: fewer than 6 pairs of windows: the sign test cannot reach p < 0.05; raise --calm-seconds"
                    + " or lower --window-seconds");
        }
        List<StreamWatch> streams = List.of(
                new StreamWatch(layout.services().get(2).url(), layout.issuer(), "us-liaison", baseline[0]),
                new StreamWatch(layout.services().get(2).url(), layout.issuer(), "kr-liaison", baseline[1]),
                new StreamWatch(layout.services().get(2).url(), layout.issuer(), "jp-liaison", baseline[2]));
        started = System.currentTimeMillis();
        KafkaClient kafka = layout.kafka(KafkaPrincipal.DRILL);
        AlertWatch alerts = new AlertWatch(kafka);
        Thread faultThread = new Thread(() -> injectFaults(layout, calm), "drill-faults");
        if (faults) {
            faultThread.start();
        }
        long resent = publish(feed, alerts, runId, kafka);
        say("published " + reports + " messages in " + (System.currentTimeMillis() - started) / 1000
                + " s (" + resent + " re-sent after a failed send)");
        faultThread.join();
        settle(verifier, feed);
        alerts.collect();
        Api.Reply audit = new Api(layout.issuer()).get("auditor", layout.services().get(1).url()
                + "/api/v1/audit/verify");
        boolean intact = audit.status() == 200 && audit.json().path("intact").asBoolean();
        Tally tally = verifier.verify(streams, dlqStart, alerts,
                audit.status() == 200 ? "intact=" + intact : "HTTP " + audit.status(),
                audit.json() == null ? 0 : audit.json().path("entriesChecked").asLong(), intact);
        streams.forEach(StreamWatch::close);
        print(runId, tally, alerts, feed);
        if (faultFailure != null) {
            System.out.println("\nfault injection failed: " + faultFailure);
        }
        return tally.allOk() && faultFailure == null ? 0 : 1;
    }

    /** Sends the plan paced at {@code rate}; a send the broker did not acknowledge is sent again (same report). */
    private long publish(DrillFeed feed, AlertWatch alerts, String runId, KafkaClient kafka)
            throws InterruptedException {
        ConcurrentLinkedQueue<ProducerRecord<String, byte[]>> failed = new ConcurrentLinkedQueue<>();
        long resent = 0;
        long interval = 1_000_000_000L / rate;
        long base = System.nanoTime();
        long lastSaid = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = producer(kafka)) {
            for (DrillFeed.Planned p : feed.plan()) {
                for (ProducerRecord<String, byte[]> again; (again = failed.poll()) != null; resent++) {
                    send(producer, again, failed);
                }
                long now = System.currentTimeMillis();
                ProducerRecord<String, byte[]> record = feed.record(p, now);
                if (p.kind() == DrillFeed.Kind.VALID) {
                    alerts.sent(p.id(runId), now, p.phase(), p.window());
                }
                send(producer, record, failed);
                published.incrementAndGet();
                long wait = base + (p.index() + 1) * interval - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } else if (wait < -1_000_000_000L) {
                    base -= wait; // fell behind (broker down): carry on at the rate, no catch-up burst
                }
                if (System.nanoTime() - lastSaid > 30_000_000_000L) {
                    say("sent " + published.get() + "/" + reports);
                    lastSaid = System.nanoTime();
                }
            }
            producer.flush();
            while (!failed.isEmpty()) {
                for (ProducerRecord<String, byte[]> again; (again = failed.poll()) != null; resent++) {
                    send(producer, again, failed);
                }
                producer.flush();
            }
        }
        return resent;
    }

    private static void send(KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> record,
                             ConcurrentLinkedQueue<ProducerRecord<String, byte[]>> failed) {
        try {
            producer.send(record, (metadata, error) -> {
                if (error instanceof org.apache.kafka.common.errors.RecordTooLargeException) {
                    say("the broker refused a record of " + record.value().length + " bytes: " + error.getMessage());
                } else if (error != null) {
                    failed.add(record);
                }
            });
        } catch (RuntimeException e) {
            failed.add(record);
        }
    }

    /** Each fault after the previous one recovered, spread over the rest of the feed after the calm phase. */
    private void injectFaults(StackLayout layout, int calm) {
        Faults faultsOn = new Faults(layout, DrillCommand::say);
        List<String> order = List.of("alert-ingestion", "consultation", "notification", "kafka", "postgresql");
        try {
            for (int k = 0; k < order.size(); k++) {
                long due = calm + (long) k * (reports - calm) / order.size();
                while (published.get() < due) {
                    Thread.sleep(200);
                }
                String what = order.get(k);
                Faults.Fault fault = switch (what) {
                    case "kafka" -> faultsOn.killKafka();
                    case "postgresql" -> faultsOn.pausePostgres(Duration.ofSeconds(postgresPauseSeconds));
                    default -> faultsOn.killService(layout.services().stream().filter(s -> s.name().equals(what))
                            .findFirst().orElseThrow());
                };
                injected.add(fault);
            }
        } catch (Exception e) {
            faultFailure = e.toString();
            say("fault injection failed: " + e);
        }
    }

    /**
     * Waits until the stack is done with the drill's traffic: every valid report stored, nothing queued in any
     * outbox or delivery queue, and the counts unchanged for 30 s.
     */
    private void settle(Verifier verifier, DrillFeed feed) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(settleMinutes).toNanos();
        long valid = feed.count(DrillFeed.Kind.VALID);
        List<Long> last = null;
        long stableSince = System.nanoTime();
        long lastSaid = 0;
        while (System.nanoTime() < deadline) {
            List<Long> now;
            try {
                now = verifier.progress();
            } catch (java.sql.SQLException e) {
                Thread.sleep(5_000);
                continue;
            }
            if (!now.equals(last)) {
                last = now;
                stableSince = System.nanoTime();
            }
            boolean quiet = Verifier.queued(now) == 0 && System.nanoTime() - stableSince > 30_000_000_000L;
            if (quiet && (now.get(0) >= valid || System.nanoTime() - stableSince > 120_000_000_000L)) {
                say("quiet: counts " + now);
                return;
            }
            if (System.nanoTime() - lastSaid > 30_000_000_000L) {
                say("settling: reports stored " + now.get(0) + "/" + valid + ", queued " + Verifier.queued(now)
                        + ", counts " + now);
                lastSaid = System.nanoTime();
            }
            Thread.sleep(5_000);
        }
        say("not quiet after " + settleMinutes + " min: counting anyway");
    }

    private void print(String runId, Tally tally, AlertWatch alerts, DrillFeed feed) {
        System.out.println();
        System.out.println("## Drill " + runId + ": " + reports + " messages at " + rate + "/s, faults "
                + (faults ? "on" : "off"));
        System.out.println();
        if (!injected.isEmpty()) {
            System.out.println("| fault | at (s into the run) | stack ready again after (s) | note |");
            System.out.println("|---|---|---|---|");
            for (Faults.Fault f : injected) {
                System.out.printf("| %s | %.0f | %.1f | %s |%n", f.what(), (f.atMillis() - started) / 1000.0,
                        f.recoveredAfterMillis() / 1000.0, f.note());
            }
            System.out.println();
        }
        System.out.print(tally.markdown());
        System.out.println();
        System.out.println("Latency, valid report published -> its alert event published (ms):");
        System.out.println();
        System.out.println("| traffic | reports | p50 | p90 | p99 | p99.9 | max |");
        System.out.println("|---|---|---|---|---|---|---|");
        line("calm phase, windows without bad messages", alerts.latency(DrillFeed.Phase.CALM_CLEAN));
        line("calm phase, windows with bad messages", alerts.latency(DrillFeed.Phase.CALM_WITH_BAD));
        line("warm-up (first " + warmupSeconds + " s)", alerts.latency(DrillFeed.Phase.WARMUP));
        line("fault phase", alerts.latency(DrillFeed.Phase.FAULTS));
        line("whole run", alerts.all());
        System.out.println();
        printWindows(alerts.windows(feed), alerts);
        System.out.println();
        System.out.println(tally.allOk() ? "drill passed: nothing lost, nothing duplicated"
                : "drill FAILED: see the rows marked FAIL");
    }

    /**
     * Bad messages and valid latency, window by window: the table of the calm phase's windows, per kind the median
     * over windows beside the pooled figures, and the paired comparison of adjacent windows with its verdict.
     */
    private void printWindows(List<AlertWatch.WindowStats.Window> windows, AlertWatch alerts) {
        System.out.println("Calm phase after the warm-up, window by window (" + windowSeconds + " s each; valid report"
                + " -> alert event, ms):");
        System.out.println();
        System.out.println("| window | from (s) | kind | reports | p50 | p99 |");
        System.out.println("|---|---|---|---|---|---|");
        for (AlertWatch.WindowStats.Window w : windows) {
            System.out.printf("| %d | %d | %s%s | %d | %s | %s |%n", w.index(),
                    warmupSeconds + (long) w.index() * windowSeconds, w.withBad() ? "with bad" : "clean",
                    w.full() ? "" : " (partial, left out)", w.count(), w.count() == 0 ? "-" : w.p50(),
                    w.count() == 0 ? "-" : w.p99());
        }
        System.out.println();
        System.out.println("| kind | windows | median of window p50 | median of window p99 | pooled reports"
                + " | pooled p50 | pooled p99 |");
        System.out.println("|---|---|---|---|---|---|---|");
        summary("without bad messages", windows, false, alerts.latency(DrillFeed.Phase.CALM_CLEAN));
        summary("with bad messages", windows, true, alerts.latency(DrillFeed.Phase.CALM_WITH_BAD));
        System.out.println();
        var p99 = AlertWatch.WindowStats.compare(windows, AlertWatch.WindowStats.Window::p99, 0);
        var p50 = AlertWatch.WindowStats.compare(windows, AlertWatch.WindowStats.Window::p50, 0);
        var drift = AlertWatch.WindowStats.compare(windows, AlertWatch.WindowStats.Window::p99, 1);
        System.out.println("Paired comparison, clean window k against bad window k+1 (two-sided sign test):");
        System.out.println();
        System.out.println("- **p99: " + p99.verdict("p99") + "**");
        System.out.println("- p50: " + p50.verdict("p50"));
        System.out.println("- order check, bad window k against clean window k+1 (the later window is the clean one;"
                + " a drift over the calm phase would show as disagreement): " + drift.verdict("p99"));
    }

    private static void summary(String kind, List<AlertWatch.WindowStats.Window> windows, boolean withBad,
                                Histogram pooled) {
        System.out.printf("| %s | %d | %s | %s | %d | %d | %d |%n", kind,
                AlertWatch.WindowStats.usable(windows, withBad),
                ms(AlertWatch.WindowStats.medianOver(windows, withBad, AlertWatch.WindowStats.Window::p50)),
                ms(AlertWatch.WindowStats.medianOver(windows, withBad, AlertWatch.WindowStats.Window::p99)),
                pooled.getTotalCount(), pooled.getValueAtPercentile(50), pooled.getValueAtPercentile(99));
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "-" : String.format("%.0f", value);
    }

    /**
     * Messages sent before the first fault: {@code calmSeconds} at {@code rate} when given, else
     * {@code calmShare} of the feed; never more than the feed.
     */
    static int calmMessages(int reports, int rate, double calmShare, Integer calmSeconds) {
        long calm = calmSeconds != null ? (long) rate * calmSeconds : (long) (reports * calmShare);
        return (int) Math.min(reports, Math.max(0, calm));
    }

    private static void line(String what, Histogram h) {
        System.out.printf("| %s | %d | %d | %d | %d | %d | %d |%n", what, h.getTotalCount(),
                h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getMaxValue());
    }

    private static void say(String message) {
        System.out.println("[drill " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    }

    /** A feed's producer that keeps trying through a broker restart instead of failing sends. */
    private static KafkaProducer<String, byte[]> producer(KafkaClient kafka) {
        Properties patient = new Properties();
        patient.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "300000");
        patient.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "120000");
        return SensorFeed.producer(kafka, patient);
    }
}

package org.tcc.ingestion.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.CloudEvents;
import org.tcc.contracts.Country;
import org.tcc.contracts.Json;
import org.tcc.contracts.Topics;
import org.tcc.contracts.events.GeoPoint;
import org.tcc.contracts.events.alert.AlertRaised;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.AlertUpdated;
import org.tcc.contracts.events.alert.AppliedReport;
import org.tcc.contracts.events.feed.MissileLaunchReport;
import org.tcc.ingestion.messaging.SignedReports;
import org.tcc.testsupport.KafkaProbe;

/**
 * Batches of reports applied straight through {@link ReportIntake} against the real database: concurrent batches
 * never raise two alerts for one launch, and a batch makes one version of each alert it touches, naming the
 * reports it applied, versions in order, ending at the stored version. Sites lie far from the other tests' (the Pacific and the Philippine Sea).
 */
@QuarkusTest
class BatchFusionTest {

    private static final String[][] SENSORS = {{"us-sbirs-geo", "USA"}, {"kr-greenpine-1", "KOR"},
            {"jp-fps5-sado", "JPN"}, {"us-tpy2-kyogamisaki", "USA"}};

    @Inject
    ReportIntake intake;

    @Inject
    EntityManager em;

    private ReportIntake.VerifiedReport verified(MissileLaunchReport report) {
        byte[] payload = SignedReports.bytes(report);
        return intake.verify(payload, SignedReports.SIGNER.sign(report.sensorId(), payload));
    }

    private static MissileLaunchReport report(int sensor, GeoPoint site, GeoPoint impact) {
        return SignedReports.report(SENSORS[sensor][0], Country.valueOf(SENSORS[sensor][1]), site, impact);
    }

    @Test
    void twoConcurrentBatchesWithReportsOfOneLaunchRaiseOneAlert() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 12; round++) {
                // even rounds: both reports in one grid cell; odd rounds: either side of a cell boundary
                double lat = 20.5 + round;
                GeoPoint a = round % 2 == 0 ? new GeoPoint(lat, 135.5) : new GeoPoint(Math.floor(lat) + 0.998, 135.998);
                GeoPoint b = round % 2 == 0 ? new GeoPoint(lat + 0.01, 135.51) : new GeoPoint(Math.floor(lat) + 1.002,
                        136.002);
                GeoPoint impact = new GeoPoint(lat, 139.0);
                // other, unrelated reports in each batch make the batches take their locks with some work around
                List<ReportIntake.VerifiedReport> first = new ArrayList<>(List.of(verified(report(0, a, impact))));
                List<ReportIntake.VerifiedReport> second = new ArrayList<>(List.of(verified(report(1, b, impact))));
                first.add(verified(report(2, new GeoPoint(lat, 160.5), null)));
                second.add(0, verified(report(3, new GeoPoint(lat, 165.5), null)));
                CyclicBarrier start = new CyclicBarrier(2);
                Future<List<ReportIntake.Outcome>> one = pool.submit(() -> {
                    start.await();
                    return intake.applyAll(first);
                });
                Future<List<ReportIntake.Outcome>> two = pool.submit(() -> {
                    start.await();
                    return intake.applyAll(second);
                });
                ReportIntake.Outcome x = one.get().get(0);
                ReportIntake.Outcome y = two.get().get(1);
                assertEquals(x.alertId(), y.alertId(), "round " + round + ": one alert for the launch");
                assertEquals(1, (x.raised() ? 1 : 0) + (y.raised() ? 1 : 0), "round " + round + ": raised once");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void batchesOf200ReportsMakeOneVersionPerAlertAndBatchNamingItsReports() {
        int launches = 100;
        List<GeoPoint> sites = new ArrayList<>();
        for (int i = 0; i < launches; i++) {
            sites.add(new GeoPoint(-30.5 + i / 10, -170.5 + i % 10)); // 1 degree apart: never one launch
        }
        List<List<ReportIntake.VerifiedReport>> batches = new ArrayList<>();
        for (int half = 0; half < 2; half++) {
            List<ReportIntake.VerifiedReport> batch = new ArrayList<>();
            for (int s = 2 * half; s < 2 * half + 2; s++) {
                for (int i = 0; i < launches; i++) {
                    GeoPoint site = sites.get(i);
                    batch.add(verified(report(s, new GeoPoint(site.lat() + 0.01 * s, site.lon() + 0.01 * s),
                            s == 0 ? null : new GeoPoint(site.lat() + 2 + 0.02 * s, site.lon() + 5))));
                }
            }
            batches.add(batch);
        }
        Map<Integer, String> alertOfLaunch = new HashMap<>();
        int raised = 0;
        try (KafkaProbe events = KafkaProbe.fromNow(Topics.ALERTS)) {
            for (int b = 0; b < batches.size(); b++) {
                List<ReportIntake.VerifiedReport> batch = batches.get(b);
                int n = b;
                java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
                long cpu = threads.getCurrentThreadCpuTime();
                List<List<ReportIntake.Outcome>> applied = new ArrayList<>(1);
                org.tcc.testsupport.DriverTrace.Cost count = org.tcc.testsupport.DriverTrace.of(
                        () -> applied.add(intake.applyAll(batch)));
                System.out.printf("batch %d of %d reports: %d statement executions (%.2f per report), %d round trips"
                                + " (%.2f per report)%n", n, batch.size(), count.executions(),
                        count.executions() / (double) batch.size(), count.roundTrips(),
                        count.roundTrips() / (double) batch.size());
                List<ReportIntake.Outcome> outcomes = applied.get(0);
                System.out.printf("batch %d: %.3f ms of this thread's CPU per report applied (protocol trace on)%n", n,
                        (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / batch.size());
                for (int r = 0; r < outcomes.size(); r++) {
                    String previous = alertOfLaunch.putIfAbsent(r % launches, outcomes.get(r).alertId());
                    if (previous != null) {
                        assertEquals(previous, outcomes.get(r).alertId(), "launch " + r % launches + " has one alert");
                    }
                    raised += outcomes.get(r).raised() ? 1 : 0;
                }
            }
            assertEquals(launches, raised);
            assertEquals(launches, Set.copyOf(alertOfLaunch.values()).size());

            // every alert: one version per batch that touched it (AlertRaised v0 applying its two reports of the first
            // batch, AlertUpdated v1 applying the two of the second), the last one the stored version, and the final
            // state fused from all four sensors
            Set<String> ids = Set.copyOf(alertOfLaunch.values());
            Map<String, Long> stored = new HashMap<>();
            for (String id : ids) {
                stored.put(id, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT version FROM alert WHERE id = ?1").setParameter(1, UUID.fromString(id))
                        .getSingleResult()).longValue()));
            }
            long expected = stored.values().stream().mapToLong(v -> v + 1).sum();
            List<ConsumerRecord<String, byte[]>> received = events.await(r -> ids.contains(r.key()), (int) expected,
                    Duration.ofSeconds(60));
            Map<String, List<AlertState>> byAlert = received.stream().collect(Collectors.groupingBy(
                    ConsumerRecord::key, Collectors.mapping(BatchFusionTest::state, Collectors.toList())));
            for (String id : ids) {
                List<AlertState> versions = byAlert.get(id);
                for (int v = 0; v < versions.size(); v++) {
                    assertEquals(v, versions.get(v).version(), "alert " + id + " versions in order");
                }
                assertEquals(2, versions.size(), "alert " + id + ": one version per batch");
                assertEquals(stored.get(id), versions.get(versions.size() - 1).version(), "stored version");
                List<List<AppliedReport>> applied = received.stream().filter(r -> id.equals(r.key()))
                        .map(BatchFusionTest::applied).toList();
                assertEquals(List.of(2, 2), applied.stream().map(List::size).toList(), "reports applied per version");
                assertEquals(4, applied.stream().flatMap(List::stream).map(AppliedReport::sensorId).distinct().count());
                assertEquals(4, versions.get(versions.size() - 1).launch().sensors().size());
                assertTrue(received.stream().filter(r -> id.equals(r.key())).findFirst()
                        .map(r -> KafkaProbe.header(r, CloudEvents.HEADER_TYPE).contains("AlertRaised")).orElseThrow());
            }
        }
    }

    /**
     * The batch path keeps each alert's history: one alert_version row per version it made (a raise per new launch,
     * one update per refined launch and batch), all of a batch's rows written by one statement (one command id).
     */
    @Test
    void aBatchWritesOneHistoryRowPerVersionInOneStatement() {
        int launches = 6;
        List<GeoPoint> sites = new ArrayList<>();
        for (int i = 0; i < launches; i++) {
            sites.add(new GeoPoint(-45.5 - i, -150.5)); // the South Pacific, 1 degree apart: never one launch
        }
        List<String> ids = new ArrayList<>();
        for (int b = 0; b < 2; b++) {
            List<ReportIntake.VerifiedReport> batch = new ArrayList<>();
            for (int s = 2 * b; s < 2 * b + 2; s++) {
                for (GeoPoint site : sites) {
                    batch.add(verified(report(s, new GeoPoint(site.lat() + 0.01 * s, site.lon() + 0.01 * s), null)));
                }
            }
            List<ReportIntake.Outcome> outcomes = intake.applyAll(batch);
            if (b == 0) {
                outcomes.stream().map(ReportIntake.Outcome::alertId).distinct().forEach(ids::add);
            }
        }
        assertEquals(launches, ids.size());
        for (String id : ids) {
            List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "SELECT version, entry->>'change', jsonb_array_length(entry->'who'->'sensors')"
                            + " FROM alert_version WHERE alert_id = ?1 ORDER BY version")
                    .setParameter(1, UUID.fromString(id)).getResultList());
            assertEquals(2, rows.size(), "alert " + id + ": a row per version");
            Object[] raised = (Object[]) rows.get(0);
            Object[] refined = (Object[]) rows.get(1);
            assertEquals(List.of(0L, "RAISED", 2), List.of(((Number) raised[0]).longValue(), raised[1],
                    ((Number) raised[2]).intValue()));
            assertEquals(List.of(1L, "UPDATED", 2), List.of(((Number) refined[0]).longValue(), refined[1],
                    ((Number) refined[2]).intValue()));
        }
        // rows one statement inserted share its command id (cmin): each batch's 6 rows, one statement
        Number commands = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                "SELECT count(DISTINCT (version, cmin::text)) FROM alert_version WHERE alert_id = ANY(CAST(?1 AS uuid[]))")
                .setParameter(1, "{" + String.join(",", ids) + "}").getSingleResult());
        assertEquals(2, commands.intValue(), "one insert per batch (and version: 0 then 1)");
    }

    private static List<AppliedReport> applied(ConsumerRecord<String, byte[]> record) {
        return KafkaProbe.header(record, CloudEvents.HEADER_TYPE).contains("AlertRaised")
                ? Json.read(record.value(), AlertRaised.class).appliedReports()
                : Json.read(record.value(), AlertUpdated.class).appliedReports();
    }

    private static AlertState state(ConsumerRecord<String, byte[]> record) {
        return KafkaProbe.header(record, CloudEvents.HEADER_TYPE).contains("AlertRaised")
                ? Json.read(record.value(), AlertRaised.class).alert()
                : Json.read(record.value(), AlertUpdated.class).alert();
    }
}

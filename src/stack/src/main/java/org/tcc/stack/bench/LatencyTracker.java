package org.tcc.stack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.tcc.contracts.Country;

/**
 * Follows every report sent until its alert event is on {@code tcc.alerts.v1} and its notification is on the live
 * stream of each of the three countries, and records the latencies with HdrHistogram (milliseconds, 3 significant
 * digits). A report is recognised downstream by what the alert event says about it: an {@code AlertRaised} by the
 * launch point and the sensor of the report that raised it, an {@code AlertUpdated} by the report id in its reason.
 */
final class LatencyTracker {

    private static final String REFINED_BY = "refined by sensor report ";
    private static final long MAX_MS = TimeUnit.MINUTES.toMillis(10);

    /** Where a report's effect was seen. */
    enum Stage { ALERT_EVENT, USA, KOR, JPN }

    private static final int ALL = (1 << Stage.values().length) - 1;

    private static final class Pending {
        final long sentAt;
        int seen;
        long lastStream;

        Pending(long sentAt) {
            this.sentAt = sentAt;
        }
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, String> reportOfLaunchAndSensor = new ConcurrentHashMap<>();
    private final Map<Stage, Histogram> byStage = new EnumMap<>(Stage.class);
    private final Histogram anyStream = new Histogram(MAX_MS, 3);
    private final Histogram allStreams = new Histogram(MAX_MS, 3);
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong lastCompletion = new AtomicLong();

    LatencyTracker() {
        for (Stage s : Stage.values()) {
            byStage.put(s, new Histogram(MAX_MS, 3));
        }
    }

    void sent(SensorFeed.SignedReport report, long sentAtMillis) {
        pending.put(report.report().reportId(), new Pending(sentAtMillis));
        reportOfLaunchAndSensor.put(report.launchKey() + "|" + report.report().sensorId(), report.report().reportId());
    }

    /** An alert event (its CloudEvents type and payload) seen at {@code atMillis} at {@code stage}. */
    void seen(Stage stage, String ceType, JsonNode payload, long atMillis) {
        String reportId = reportOf(ceType, payload);
        if (reportId == null) {
            return;
        }
        Pending p = pending.get(reportId);
        if (p == null) {
            return;
        }
        synchronized (this) {
            int bit = 1 << stage.ordinal();
            if ((p.seen & bit) != 0) {
                return;
            }
            p.seen |= bit;
            long latency = Math.min(MAX_MS, Math.max(0, atMillis - p.sentAt));
            byStage.get(stage).recordValue(latency);
            if (stage != Stage.ALERT_EVENT) {
                anyStream.recordValue(latency);
                p.lastStream = Math.max(p.lastStream, latency);
            }
            if (p.seen == ALL) {
                allStreams.recordValue(p.lastStream);
                pending.remove(reportId);
                completed.incrementAndGet();
                lastCompletion.set(System.currentTimeMillis());
            }
        }
    }

    static Stage stageOf(Country country) {
        return Stage.valueOf(country.name());
    }

    private String reportOf(String ceType, JsonNode payload) {
        if (ceType == null || payload == null) {
            return null;
        }
        if (ceType.contains("AlertRaised")) {
            // raised by one report (whichever of the launch's reports was applied first): its sensor is the only one
            JsonNode launch = payload.path("alert").path("launch");
            JsonNode point = launch.path("launchPoint");
            if (point.isMissingNode() || launch.path("sensors").size() != 1) {
                return null;
            }
            return reportOfLaunchAndSensor.get(SensorFeed.key(new org.tcc.contracts.events.GeoPoint(
                    point.path("lat").asDouble(), point.path("lon").asDouble())) + "|"
                    + launch.path("sensors").get(0).asText());
        }
        if (ceType.contains("AlertUpdated")) {
            String reason = payload.path("reason").asText("");
            return reason.startsWith(REFINED_BY) ? reason.substring(REFINED_BY.length()) : null;
        }
        return null;
    }

    long completed() {
        return completed.get();
    }

    /** Wall-clock time the last report was completed (on all three streams). */
    long lastCompletion() {
        return lastCompletion.get();
    }

    int outstanding() {
        return pending.size();
    }

    /** What the reports still outstanding lack: how many lack each stage, and a few of their ids. */
    record Missing(Map<Stage, Integer> byStage, List<String> someReports) {
    }

    synchronized Missing missing() {
        Map<Stage, Integer> byStage = new EnumMap<>(Stage.class);
        for (Pending p : pending.values()) {
            for (Stage s : Stage.values()) {
                if ((p.seen & (1 << s.ordinal())) == 0) {
                    byStage.merge(s, 1, Integer::sum);
                }
            }
        }
        return new Missing(byStage, pending.keySet().stream().sorted().limit(5).toList());
    }

    synchronized Histogram stage(Stage stage) {
        return byStage.get(stage).copy();
    }

    /** Report published → notification received, over every (report, country) pair. */
    synchronized Histogram anyStream() {
        return anyStream.copy();
    }

    /** Report published → the last of the three countries received it. */
    synchronized Histogram allStreams() {
        return allStreams.copy();
    }

    /** Forgets the reports still outstanding (after a point gave up waiting). */
    synchronized void abandon() {
        pending.clear();
        reportOfLaunchAndSensor.clear();
    }
}

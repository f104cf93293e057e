package org.tcc.stack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;
import org.tcc.contracts.Country;

/**
 * Follows every report sent until its alert event is on {@code tcc.alerts.v1} and its notification is on the live
 * stream of each of the three countries, and records the latencies with HdrHistogram (milliseconds, 3 significant
 * digits), in arrays indexed by the report's place in the point (13 bytes a report, no map entry). A report is
 * recognised downstream by the alert event that names it in {@code appliedReports} (an {@code AlertRaised} or
 * {@code AlertUpdated}: reports that ingestion applied in one batch share one event).
 */
final class LatencyTracker {

    private static final long MAX_MS = TimeUnit.MINUTES.toMillis(10);

    /** Where a report's effect was seen. */
    enum Stage { ALERT_EVENT, USA, KOR, JPN }

    private static final int ALL = (1 << Stage.values().length) - 1;

    /** The point's reports; per report (by index) the intended send time, the stages seen and the slowest stream. */
    private final PresignedReports reports;
    private final AtomicLongArray sentAt;
    private final byte[] seen;
    private final int[] lastStream;
    private final AtomicInteger sent = new AtomicInteger();
    private final Map<Stage, Histogram> byStage = new EnumMap<>(Stage.class);
    private final Histogram anyStream = new Histogram(MAX_MS, 3);
    private final Histogram allStreams = new Histogram(MAX_MS, 3);
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong lastCompletion = new AtomicLong();
    private volatile boolean abandoned;

    LatencyTracker(PresignedReports reports) {
        this.reports = reports;
        sentAt = new AtomicLongArray(reports.size());
        seen = new byte[reports.size()];
        lastStream = new int[reports.size()];
        for (Stage s : Stage.values()) {
            byStage.put(s, new Histogram(MAX_MS, 3));
        }
    }

    /** Report {@code i} is sent now, intended for {@code sentAtMillis} (call before handing it to the producer). */
    void sent(int i, long sentAtMillis) {
        if (sentAt.getAndSet(i, Math.max(1, sentAtMillis)) == 0) {
            sent.incrementAndGet();
        }
    }

    /**
     * An alert event (its CloudEvents type and payload) seen at {@code atMillis} at {@code stage}. Returns how many
     * of the reports it applied {@code stage} sees here for the first time (0 when none).
     */
    int seen(Stage stage, String ceType, JsonNode payload, long atMillis) {
        if (ceType == null || payload == null || abandoned
                || !(ceType.contains("AlertRaised") || ceType.contains("AlertUpdated"))) {
            return 0;
        }
        int first = 0;
        for (JsonNode applied : payload.path("appliedReports")) {
            int i = reports.indexOfReport(applied.path("reportId").asText(null));
            if (i >= 0 && firstSighting(stage, i, atMillis)) {
                first++;
            }
        }
        return first;
    }

    private boolean firstSighting(Stage stage, int i, long atMillis) {
        long sentAtMillis = sentAt.get(i);
        if (sentAtMillis == 0) {
            return false;
        }
        synchronized (this) {
            int bit = 1 << stage.ordinal();
            if ((seen[i] & bit) != 0) {
                return false;
            }
            seen[i] |= (byte) bit;
            long latency = Math.min(MAX_MS, Math.max(0, atMillis - sentAtMillis));
            byStage.get(stage).recordValue(latency);
            if (stage != Stage.ALERT_EVENT) {
                anyStream.recordValue(latency);
                lastStream[i] = (int) Math.max(lastStream[i], latency);
            }
            if (seen[i] == ALL) {
                allStreams.recordValue(lastStream[i]);
                completed.incrementAndGet();
                lastCompletion.set(System.currentTimeMillis());
            }
        }
        return true;
    }

    static Stage stageOf(Country country) {
        return Stage.valueOf(country.name());
    }

    long completed() {
        return completed.get();
    }

    /** Wall-clock time the last report was completed (on all three streams). */
    long lastCompletion() {
        return lastCompletion.get();
    }

    int outstanding() {
        return abandoned ? 0 : (int) (sent.get() - completed.get());
    }

    /** What the reports still outstanding lack: how many lack each stage, and a few of their ids. */
    record Missing(Map<Stage, Integer> byStage, List<String> someReports) {
    }

    synchronized Missing missing() {
        Map<Stage, Integer> byStage = new EnumMap<>(Stage.class);
        List<String> some = new ArrayList<>();
        for (int i = 0; i < seen.length; i++) {
            if (sentAt.get(i) == 0 || seen[i] == ALL) {
                continue;
            }
            for (Stage s : Stage.values()) {
                if ((seen[i] & (1 << s.ordinal())) == 0) {
                    byStage.merge(s, 1, Integer::sum);
                }
            }
            if (some.size() < 5) {
                some.add(reports.reportId(i));
            }
        }
        return new Missing(byStage, some);
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

    /** Ignores the reports still outstanding from now on (after a point gave up waiting). */
    void abandon() {
        abandoned = true;
    }
}

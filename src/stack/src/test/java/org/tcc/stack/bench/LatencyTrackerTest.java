package org.tcc.stack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Json;
import org.tcc.stack.feed.SensorSigner;

/** The benchmark counts a report done only when its alert event and all three streams have it, each once. */
class LatencyTrackerTest {

    /** Shared by the test classes; daemon threads, so it needs no shutting down. */
    static final ExecutorService SIGNERS = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "test-signer");
        t.setDaemon(true);
        return t;
    });

    private final SensorFeed feed = new SensorFeed(signer(), "t", 7);

    static SensorSigner signer() {
        return SensorSigner.fromJwks(Path.of(System.getProperty("tcc.root", "../.."),
                "deploy/sensors/local-sensors.private.jwks.json"));
    }

    @Test
    void aLaunchIsRecognisedWhicheverOfItsReportsRaisedTheAlert() throws Exception {
        PresignedReports launch = feed.prepare(3, SIGNERS);
        LatencyTracker tracker = new LatencyTracker(launch);
        for (int i = 0; i < 3; i++) {
            tracker.sent(i, 1_000);
        }
        // the KOR report was applied first (another partition): it raised the alert, the others refined it
        JsonNode raised = raised(launch, 1);
        for (LatencyTracker.Stage stage : LatencyTracker.Stage.values()) {
            assertEquals(1, tracker.seen(stage, "org.tcc.alert.AlertRaised.v1", raised, 1_040));
            assertEquals(1, tracker.seen(stage, "org.tcc.alert.AlertUpdated.v1", updated(launch, 0), 1_050));
            assertEquals(1, tracker.seen(stage, "org.tcc.alert.AlertUpdated.v1", updated(launch, 2), 1_060));
        }
        assertEquals(3, tracker.completed());
        assertEquals(0, tracker.outstanding());
        assertEquals(9, tracker.anyStream().getTotalCount(), "3 reports x 3 countries");
        assertEquals(3, tracker.allStreams().getTotalCount());
        assertEquals(60, tracker.allStreams().getMaxValue(), 1);
    }

    @Test
    void reportsAppliedTogetherAreSeenTogetherAndEachOnlyOnce() throws Exception {
        PresignedReports launch = feed.prepare(3, SIGNERS);
        LatencyTracker tracker = new LatencyTracker(launch);
        for (int i = 0; i < 3; i++) {
            tracker.sent(i, 1_000);
        }
        JsonNode together = applied(launch, 0, 1, 2);
        for (LatencyTracker.Stage stage : LatencyTracker.Stage.values()) {
            assertEquals(3, tracker.seen(stage, "org.tcc.alert.AlertRaised.v1", together, 1_030));
            assertEquals(0, tracker.seen(stage, "org.tcc.alert.AlertUpdated.v1", updated(launch, 2), 1_040),
                    "already seen in the first event");
        }
        assertEquals(3, tracker.completed());
        assertEquals(30, tracker.allStreams().getMaxValue(), 1);
    }

    @Test
    void aReportMissingOnOneStreamStaysOutstandingAndRepeatsCountOnce() throws Exception {
        PresignedReports launch = feed.prepare(3, SIGNERS);
        LatencyTracker tracker = new LatencyTracker(launch);
        tracker.sent(0, 1_000);
        JsonNode raised = raised(launch, 0);
        tracker.seen(LatencyTracker.Stage.ALERT_EVENT, "org.tcc.alert.AlertRaised.v1", raised, 1_010);
        assertEquals(1, tracker.seen(LatencyTracker.Stage.USA, "org.tcc.alert.AlertRaised.v1", raised, 1_020));
        assertEquals(0, tracker.seen(LatencyTracker.Stage.USA, "org.tcc.alert.AlertRaised.v1", raised, 1_030),
                "a repeat is no first sighting (no second acknowledgement)");
        tracker.seen(LatencyTracker.Stage.KOR, "org.tcc.alert.AlertRaised.v1", raised, 1_030);
        assertEquals(0, tracker.completed());
        assertEquals(1, tracker.outstanding());
        assertEquals(java.util.Map.of(LatencyTracker.Stage.JPN, 1), tracker.missing().byStage());
        assertEquals(List.of(launch.reportId(0)), tracker.missing().someReports());
        assertEquals(2, tracker.anyStream().getTotalCount(), "the repeated USA notification counts once");
        tracker.seen(LatencyTracker.Stage.JPN, "org.tcc.alert.AlertCancelled.v1", raised, 1_040);
        assertEquals(0, tracker.completed(), "another event type of the same alert is not this report's");
    }

    @Test
    void reportsOfAnotherPointOrNotYetSentAreIgnored() throws Exception {
        PresignedReports earlier = feed.prepare(3, SIGNERS);
        PresignedReports now = feed.prepare(3, SIGNERS);
        LatencyTracker tracker = new LatencyTracker(now);
        tracker.sent(0, 1_000);
        assertEquals(0, tracker.seen(LatencyTracker.Stage.USA, "org.tcc.alert.AlertUpdated.v1",
                updated(earlier, 2), 1_010), "a late notification of the last point");
        assertEquals(0, tracker.seen(LatencyTracker.Stage.USA, "org.tcc.alert.AlertUpdated.v1",
                updated(now, 2), 1_010), "not sent yet");
        assertEquals(0, tracker.seen(LatencyTracker.Stage.USA, "org.tcc.alert.AlertRaised.v1",
                raised(earlier, 0), 1_010));
        assertEquals(1, tracker.seen(LatencyTracker.Stage.USA, "org.tcc.alert.AlertRaised.v1",
                raised(now, 0), 1_010));
        tracker.abandon();
        assertEquals(0, tracker.outstanding());
        assertEquals(0, tracker.seen(LatencyTracker.Stage.KOR, "org.tcc.alert.AlertRaised.v1",
                raised(now, 0), 1_020), "after giving up on a point, nothing more is counted");
    }

    /** An alert event's payload as ingestion publishes it when it applied {@code indexes} of {@code reports}. */
    static JsonNode applied(PresignedReports reports, int... indexes) {
        ObjectNode event = Json.mapper().createObjectNode();
        ArrayNode applied = event.putArray("appliedReports");
        for (int i : indexes) {
            applied.addObject().put("sensorId", reports.sensorId(i)).put("reportId", reports.reportId(i));
        }
        return event;
    }

    static JsonNode raised(PresignedReports reports, int i) {
        return applied(reports, i);
    }

    static JsonNode updated(PresignedReports reports, int i) {
        return applied(reports, i);
    }
}

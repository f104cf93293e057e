package org.tcc.stack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Json;
import org.tcc.stack.feed.SensorSigner;

/** The benchmark counts a report done only when its alert event and all three streams have it, each once. */
class LatencyTrackerTest {

    private final SensorFeed feed = new SensorFeed(SensorSigner.fromJwks(Path.of(
            System.getProperty("tcc.root", "../.."), "deploy/sensors/local-sensors.private.jwks.json")), "t", 7);

    @Test
    void aLaunchIsRecognisedWhicheverOfItsReportsRaisedTheAlert() {
        LatencyTracker tracker = new LatencyTracker();
        List<SensorFeed.SignedReport> launch = feed.nextLaunch();
        launch.forEach(r -> tracker.sent(r, 1_000));
        // the KOR report was applied first (another partition): it raised the alert, the others refined it
        SensorFeed.SignedReport kor = launch.get(1);
        JsonNode raised = raised(kor);
        for (LatencyTracker.Stage stage : LatencyTracker.Stage.values()) {
            tracker.seen(stage, "org.tcc.alert.AlertRaised.v1", raised, 1_040);
            tracker.seen(stage, "org.tcc.alert.AlertUpdated.v1", updated(launch.get(0)), 1_050);
            tracker.seen(stage, "org.tcc.alert.AlertUpdated.v1", updated(launch.get(2)), 1_060);
        }
        assertEquals(3, tracker.completed());
        assertEquals(0, tracker.outstanding());
        assertEquals(9, tracker.anyStream().getTotalCount(), "3 reports x 3 countries");
        assertEquals(3, tracker.allStreams().getTotalCount());
        assertEquals(60, tracker.allStreams().getMaxValue(), 1);
    }

    @Test
    void aReportMissingOnOneStreamStaysOutstandingAndRepeatsCountOnce() {
        LatencyTracker tracker = new LatencyTracker();
        List<SensorFeed.SignedReport> launch = feed.nextLaunch();
        SensorFeed.SignedReport usa = launch.get(0);
        tracker.sent(usa, 1_000);
        tracker.seen(LatencyTracker.Stage.ALERT_EVENT, "org.tcc.alert.AlertRaised.v1", raised(usa), 1_010);
        tracker.seen(LatencyTracker.Stage.USA, "org.tcc.alert.AlertRaised.v1", raised(usa), 1_020);
        tracker.seen(LatencyTracker.Stage.USA, "org.tcc.alert.AlertRaised.v1", raised(usa), 1_030);
        tracker.seen(LatencyTracker.Stage.KOR, "org.tcc.alert.AlertRaised.v1", raised(usa), 1_030);
        assertEquals(0, tracker.completed());
        assertEquals(1, tracker.outstanding());
        assertEquals(java.util.Map.of(LatencyTracker.Stage.JPN, 1), tracker.missing().byStage());
        assertEquals(List.of(usa.report().reportId()), tracker.missing().someReports());
        assertEquals(2, tracker.anyStream().getTotalCount(), "the repeated USA notification counts once");
        tracker.seen(LatencyTracker.Stage.JPN, "org.tcc.alert.AlertCancelled.v1", raised(usa), 1_040);
        assertEquals(0, tracker.completed(), "another event type of the same alert is not this report's");
    }

    private static JsonNode raised(SensorFeed.SignedReport by) {
        var p = by.report().launchPoint();
        return Json.mapper().createObjectNode().set("alert", Json.mapper().createObjectNode().set("launch",
                Json.mapper().createObjectNode()
                        .<com.fasterxml.jackson.databind.node.ObjectNode>set("launchPoint",
                                Json.mapper().createObjectNode().put("lat", p.lat()).put("lon", p.lon()))
                        .set("sensors", Json.mapper().createArrayNode().add(by.report().sensorId()))));
    }

    private static JsonNode updated(SensorFeed.SignedReport by) {
        return Json.mapper().createObjectNode().put("reason", "refined by sensor report " + by.report().reportId());
    }
}

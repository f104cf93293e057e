package org.tcc.stack.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.FeedSignature;
import org.tcc.contracts.Json;
import org.tcc.contracts.Topics;
import org.tcc.contracts.events.GeoPoint;

/** A point's reports are signed before it starts: valid, in send order, each found again by what an alert says. */
class PresignedReportsTest {

    private final SensorFeed feed = new SensorFeed(LatencyTrackerTest.signer(), "run1", 123);

    @Test
    void everyReportIsSignedByItsSensorOverTheExactBytesSent() throws Exception {
        PresignedReports reports = feed.prepare(200, LatencyTrackerTest.SIGNERS);
        Map<String, ECDSAVerifier> verifiers = publicKeys();
        for (int i = 0; i < reports.size(); i++) {
            JWSObject jws = JWSObject.parse(new String(reports.signature(i), StandardCharsets.US_ASCII),
                    new Payload(reports.payload(i)));
            assertEquals(reports.sensorId(i), jws.getHeader().getKeyID());
            assertTrue(jws.verify(verifiers.get(reports.sensorId(i))), "report " + i);
        }
        ProducerRecord<String, byte[]> record = reports.feedRecord(5, 42L);
        assertEquals(Topics.FEED_MISSILE_LAUNCH, record.topic());
        assertEquals(reports.sensorId(5), record.key());
        assertEquals(42L, record.timestamp());
        assertArrayEquals(reports.signature(5), record.headers().lastHeader(FeedSignature.KAFKA_HEADER).value());
    }

    @Test
    void reportsComeLaunchAfterLaunchWithConsecutiveIdsAndAPartialLastLaunch() throws Exception {
        PresignedReports first = feed.prepare(7, LatencyTrackerTest.SIGNERS);
        PresignedReports second = feed.prepare(3, LatencyTrackerTest.SIGNERS);
        assertEquals(7, first.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < first.size(); i++) {
            JsonNode report = Json.mapper().readTree(first.payload(i));
            assertEquals(first.reportId(i), report.get("reportId").asText());
            assertEquals(SensorFeed.SENSORS[i % 3][0], report.get("sensorId").asText());
            assertEquals("TEST", report.get("status").asText());
            JsonNode firstOfLaunch = Json.mapper().readTree(first.payload(i - i % 3));
            assertEquals(firstOfLaunch.get("launchPoint"), report.get("launchPoint"), "one launch, three sensors");
            assertEquals(firstOfLaunch.get("detectedAt"), report.get("detectedAt"));
            assertEquals(i, first.indexOfReport(first.reportId(i)));
            ids.add(first.reportId(i));
        }
        assertEquals(7, ids.size());
        assertEquals("run1-7", second.reportId(0), "the next point goes on counting");
        assertEquals(-1, first.indexOfReport(second.reportId(0)));
        assertEquals(-1, second.indexOfReport(first.reportId(6)));
        assertEquals(-1, first.indexOfReport("other-run-3"));
    }

    @Test
    void neighbouringLaunchSitesLieOutsideTheFusionGate() {
        double minKm = Double.MAX_VALUE;
        for (int cell = 0; cell < SensorFeed.CELLS; cell++) {
            GeoPoint site = SensorFeed.site(cell);
            GeoPoint east = SensorFeed.site(cell % SensorFeed.COLUMNS == SensorFeed.COLUMNS - 1
                    ? cell - SensorFeed.COLUMNS + 1 : cell + 1);
            minKm = Math.min(minKm, km(site, east));
            if (cell + SensorFeed.COLUMNS < SensorFeed.CELLS) {
                minKm = Math.min(minKm, km(site, SensorFeed.site(cell + SensorFeed.COLUMNS)));
            }
        }
        assertTrue(minKm > 50, "closest neighbours " + minKm + " km apart, the launch gate is 50 km");
        Set<String> sites = new HashSet<>();
        for (int cell = 0; cell < SensorFeed.CELLS; cell++) {
            sites.add(SensorFeed.key(SensorFeed.site(cell)));
        }
        assertEquals(SensorFeed.CELLS, sites.size());
        for (long launch : new long[] {0, 1_234, SensorFeed.CELLS - 1}) {
            GeoPoint site = SensorFeed.site(launch);
            assertEquals(site, SensorFeed.site(launch + SensorFeed.CELLS));
            double apart = km(SensorFeed.impact(site, launch), SensorFeed.impact(site, launch + SensorFeed.CELLS));
            assertTrue(apart > 150, "the same site on the next pass predicts an impact " + apart
                    + " km away, beyond the 150 km impact gate");
        }
        assertThrows(IllegalArgumentException.class,
                () -> feed.prepare(3 * SensorFeed.DISTINCT_LAUNCHES + 1, LatencyTrackerTest.SIGNERS));
    }

    private static double km(GeoPoint a, GeoPoint b) {
        double lat1 = Math.toRadians(a.lat());
        double lat2 = Math.toRadians(b.lat());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6371.0 * Math.asin(Math.sqrt(h));
    }

    private static Map<String, ECDSAVerifier> publicKeys() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, ECDSAVerifier> verifiers = new HashMap<>();
        for (JsonNode key : json.readTree(Files.readAllBytes(Path.of(System.getProperty("tcc.root", "../.."),
                "deploy/sensors/local-sensors.private.jwks.json"))).path("keys")) {
            ECKey ec = ECKey.parse(json.writeValueAsString(key)).toPublicJWK();
            verifiers.put(ec.getKeyID(), new ECDSAVerifier(ec));
        }
        return verifiers;
    }
}

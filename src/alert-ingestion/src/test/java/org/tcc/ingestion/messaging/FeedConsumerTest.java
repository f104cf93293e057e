package org.tcc.ingestion.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcc.ingestion.messaging.SignedReports.publish;
import static org.tcc.ingestion.messaging.SignedReports.report;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
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
import org.tcc.contracts.events.alert.Severity;
import org.tcc.contracts.events.alert.Threat;
import org.tcc.contracts.events.alert.ThreatKind;
import org.tcc.contracts.events.feed.MissileLaunchReport;
import org.tcc.ingestion.domain.Geo;
import org.tcc.testsupport.KafkaProbe;

/**
 * The Kafka sensor feed against the real broker and database: fusion, salvo, forged and invalid reports,
 * redelivery. Each test launches from its own site, far from the others', so tests never fuse with each other.
 */
@QuarkusTest
class FeedConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static AlertState alert(ConsumerRecord<String, byte[]> record) {
        String type = KafkaProbe.header(record, CloudEvents.HEADER_TYPE);
        return type.contains("AlertRaised") ? Json.read(record.value(), AlertRaised.class).alert()
                : Json.read(record.value(), AlertUpdated.class).alert();
    }

    /** {@code json} with {@code spaces} blanks after its opening brace: the same report, much larger. */
    private static byte[] padded(byte[] json, int spaces) {
        byte[] out = new byte[json.length + spaces];
        out[0] = json[0];
        java.util.Arrays.fill(out, 1, 1 + spaces, (byte) ' ');
        System.arraycopy(json, 1, out, 1 + spaces, json.length - 1);
        return out;
    }

    private static boolean nearPyongyang(ConsumerRecord<String, byte[]> r) {
        AlertState a = alert(r);
        return a.launch() != null && Math.abs(a.launch().launchPoint().lat() - 39.0) < 0.2
                && Math.abs(a.launch().launchPoint().lon() - 125.7) < 0.2;
    }

    @Test
    void threeCountriesReportingOneLaunchGiveOneAlertListingThreeSensors() {
        GeoPoint site = new GeoPoint(39.0, 125.7);
        GeoPoint impact = new GeoPoint(40.9, 138.6); // Japan's EEZ
        try (KafkaProbe alerts = KafkaProbe.fromNow(Topics.ALERTS)) {
            publish(report("us-tpy2-kyogamisaki", Country.USA, site, impact));
            publish(report("kr-greenpine-1", Country.KOR, new GeoPoint(39.02, 125.74), new GeoPoint(40.8, 138.4)));
            publish(report("jp-fps5-sado", Country.JPN, new GeoPoint(38.98, 125.68), new GeoPoint(41.0, 138.7)));

            alerts.await(r -> nearPyongyang(r) && alert(r).launch().sensors().size() == 3, 1, WAIT);
            List<ConsumerRecord<String, byte[]>> all = alerts.drain(Duration.ofSeconds(1)).stream()
                    .filter(FeedConsumerTest::nearPyongyang).toList();
            assertEquals(1, all.stream().map(ConsumerRecord::key).distinct().count(), "one alert for the launch");
            assertEquals(1, all.stream()
                    .filter(r -> KafkaProbe.header(r, CloudEvents.HEADER_TYPE).contains("AlertRaised")).count());
            AlertState fused = alert(all.get(all.size() - 1));
            assertEquals(List.of("jp-fps5-sado", "kr-greenpine-1", "us-tpy2-kyogamisaki"), fused.launch().sensors());
            assertEquals(Severity.Extreme, fused.severity());
            assertEquals(List.of(Country.JPN), fused.affectedCountries());
            assertEquals(List.of(Country.USA, Country.KOR, Country.JPN), fused.releasableTo());
        }
    }

    /**
     * The 4 October 2022 Hwasong-12 pattern (public reporting: launched from Mupyong-ni, Jagang Province, over
     * Aomori Prefecture, into the Pacific about 3,200 km east of Japan, outside its EEZ): an overflight of Japan,
     * Extreme, said in the headline, the area and the threats, and kept through the database on refinement.
     */
    @Test
    void hwasong12OverAomoriIsAnExtremeOverflightOfJapan() {
        GeoPoint mupyongNi = new GeoPoint(40.6, 126.4);
        GeoPoint pacific = new GeoPoint(33.0, 177.5);
        try (KafkaProbe alerts = KafkaProbe.fromNow(Topics.ALERTS)) {
            publish(report("kr-greenpine-1", Country.KOR, mupyongNi, pacific));
            publish(report("jp-fps5-sado", Country.JPN, new GeoPoint(40.62, 126.43), new GeoPoint(33.1, 177.4)));
            publish(report("us-tpy2-kyogamisaki", Country.USA, new GeoPoint(40.58, 126.38), new GeoPoint(32.9, 177.6)));
            java.util.function.Predicate<ConsumerRecord<String, byte[]>> ours = r -> alert(r).launch() != null
                    && Math.abs(alert(r).launch().launchPoint().lat() - 40.6) < 0.2
                    && Math.abs(alert(r).launch().launchPoint().lon() - 126.4) < 0.2;
            alerts.await(r -> ours.test(r) && alert(r).launch().sensors().size() == 3, 1, WAIT);
            List<ConsumerRecord<String, byte[]>> all = alerts.drain(Duration.ofSeconds(1)).stream().filter(ours)
                    .toList();
            assertEquals(1, all.stream().map(ConsumerRecord::key).distinct().count(), "one alert for the missile");
            for (ConsumerRecord<String, byte[]> record : all) {
                AlertState state = alert(record);
                assertEquals(Severity.Extreme, state.severity());
                assertEquals(List.of(Country.JPN), state.affectedCountries());
                assertEquals(List.of(new Threat(Country.JPN, ThreatKind.OVERFLIGHT, "Japan", false, null)),
                        state.threats());
                assertTrue(state.headline().endsWith(", overflies JPN"), state.headline());
                assertTrue(state.areaDesc().contains("(outside every territory and EEZ); ground track overflies Japan (JPN)"),
                        state.areaDesc());
                assertTrue(state.description().contains("Overflight"), state.description());
            }
            assertTrue(all.stream().skip(1).map(r -> Json.read(r.value(), AlertUpdated.class).changedFields())
                    .noneMatch(f -> f.contains("threats")), "threats survive the database between refinements");
        }
    }

    /** Two sensors either side of 180°: one alert, launch point near 180° (not near Greenwich), USA threatened. */
    @Test
    void reportsStraddlingTheAntimeridianFuseIntoOneAlertNearIt() {
        try (KafkaProbe alerts = KafkaProbe.fromNow(Topics.ALERTS)) {
            publish(report("us-tpy2-kyogamisaki", Country.USA, new GeoPoint(50.5, 179.95), new GeoPoint(52.5, -177.0)));
            publish(report("jp-fps5-sado", Country.JPN, new GeoPoint(50.5, -179.95), new GeoPoint(52.5, -177.1)));
            java.util.function.Predicate<ConsumerRecord<String, byte[]>> ours = r -> alert(r).launch() != null
                    && Math.abs(alert(r).launch().launchPoint().lat() - 50.5) < 0.2
                    && Math.abs(alert(r).launch().launchPoint().lon()) > 179.5;
            alerts.await(r -> ours.test(r) && alert(r).launch().sensors().size() == 2, 1, WAIT);
            List<ConsumerRecord<String, byte[]>> all = alerts.drain(Duration.ofSeconds(1)).stream().filter(ours)
                    .toList();
            assertEquals(1, all.stream().map(ConsumerRecord::key).distinct().count(), "one alert across 180°");
            AlertState fused = alert(all.get(all.size() - 1));
            assertEquals(180.0, Math.abs(fused.launch().launchPoint().lon()), 0.01);
            assertEquals(List.of(Country.USA), fused.affectedCountries());
            assertTrue(fused.threats().contains(new Threat(Country.USA, ThreatKind.OVERFLIGHT,
                    "United States: Alaska and the Aleutian Islands", false, null)), fused.threats().toString());
        }
    }

    @Test
    void salvoOfThreeMissilesGivesThreeAlerts() {
        GeoPoint[] sites = {new GeoPoint(40.0, 127.5), new GeoPoint(40.05, 127.6), new GeoPoint(39.95, 127.55)};
        GeoPoint[] impacts = {new GeoPoint(40.5, 134.0), new GeoPoint(38.0, 131.5), new GeoPoint(42.5, 136.5)};
        try (KafkaProbe alerts = KafkaProbe.fromNow(Topics.ALERTS)) {
            for (int m = 0; m < 3; m++) {
                publish(report("us-sbirs-geo", Country.USA, sites[m], impacts[m]));
                publish(report("kr-aegis-sejong", Country.KOR, sites[m], impacts[m]));
                publish(report("jp-aegis-kongo", Country.JPN, sites[m], impacts[m]));
            }
            alerts.await(r -> alert(r).launch() != null && alert(r).launch().launchPoint().lon() > 127.4
                    && alert(r).launch().launchPoint().lon() < 127.7 && alert(r).launch().sensors().size() == 3, 3, WAIT);
            Set<String> alertIds = alerts.drain(Duration.ofSeconds(2)).stream()
                    .filter(r -> alert(r).launch() != null && alert(r).launch().launchPoint().lon() > 127.4
                            && alert(r).launch().launchPoint().lon() < 127.7)
                    .map(ConsumerRecord::key).collect(Collectors.toSet());
            assertEquals(3, alertIds.size(), "one alert per missile");
        }
    }

    /**
     * The salvo pattern of public reporting (several missiles from one launch area, seconds apart, into the same
     * sea area): four missiles from ONE site 15 s apart, impacts spread over 40 km, each seen by a USA, a KOR and
     * a JPN sensor with up to 15 km and 20 s of noise, shuffled, every report delivered twice. Before one alert
     * per missile, a sensor's second report superseded its first and the salvo collapsed into fewer alerts.
     */
    @Test
    void aSalvoFromOneSiteShuffledAndDeliveredTwiceGivesOneAlertPerMissile() {
        GeoPoint site = new GeoPoint(40.85, 129.70);
        java.util.Random random = new java.util.Random(20220925L);
        String[][] sensors = {{"us-tpy2-kyogamisaki", "USA"}, {"kr-greenpine-1", "KOR"}, {"jp-fps5-sado", "JPN"}};
        java.time.Instant first = java.time.Instant.now().minusSeconds(90).truncatedTo(
                java.time.temporal.ChronoUnit.MILLIS);
        List<MissileLaunchReport> reports = new java.util.ArrayList<>();
        for (int missile = 0; missile < 4; missile++) {
            GeoPoint impact = new GeoPoint(40.20, 133.20 + 0.157 * missile);
            for (String[] sensor : sensors) {
                MissileLaunchReport r = report(sensor[0], Country.valueOf(sensor[1]), jitter(site, random),
                        jitter(impact, random));
                reports.add(new MissileLaunchReport(r.reportId(), r.sensorId(), r.reportingCountry(),
                        first.plusSeconds(15L * missile + random.nextInt(21)), r.launchPoint(),
                        r.predictedImpactPoint(), r.apogeeKm(), r.rangeKm(), r.flightTimeSeconds(),
                        r.missileClass(), r.confidence(), null, r.status()));
            }
        }
        List<MissileLaunchReport> twice = new java.util.ArrayList<>(reports);
        twice.addAll(reports);
        java.util.Collections.shuffle(twice, random);
        java.util.function.Predicate<ConsumerRecord<String, byte[]>> fromSite = r -> alert(r).launch() != null
                && Geo.distanceKm(alert(r).launch().launchPoint(), site) < 40;
        try (KafkaProbe alerts = KafkaProbe.fromNow(Topics.ALERTS)) {
            twice.forEach(SignedReports::publish);
            alerts.await(r -> fromSite.test(r) && alert(r).launch().sensors().size() == 3, 4, WAIT);
            List<ConsumerRecord<String, byte[]>> all = alerts.drain(Duration.ofSeconds(3)).stream()
                    .filter(fromSite).toList();
            java.util.Map<String, AlertState> latest = new java.util.HashMap<>();
            all.forEach(r -> latest.merge(r.key(), alert(r), (a, b) -> a.version() >= b.version() ? a : b));
            assertEquals(4, latest.size(), "one alert per missile: " + latest.keySet());
            latest.values().forEach(a -> assertEquals(3, a.launch().sensors().size(), "three sensors each"));
            Set<String> applied = all.stream().flatMap(r -> applied(r).stream()).map(
                    org.tcc.contracts.events.alert.AppliedReport::reportId).collect(Collectors.toSet());
            assertEquals(reports.stream().map(MissileLaunchReport::reportId).collect(Collectors.toSet()), applied,
                    "every report applied, each once");
            assertEquals(12, all.stream().mapToLong(r -> applied(r).size()).sum(), "no report applied twice");
        }
    }

    /**
     * Stable ownership through the real feed and API: a KOR sensor raises the alert, the KOR liaison rewrites its
     * headline and raises its severity by hand, then a USA sensor reports an earlier detection of the same launch.
     * The refinement fuses the USA report but keeps the origin and everything the liaison set.
     */
    @Test
    void aLiaisonsEditAndTheOriginSurviveALaterRefinementByAnEarlierForeignDetection() {
        GeoPoint site = new GeoPoint(37.40, 124.20);
        GeoPoint impact = new GeoPoint(35.00, 122.00); // Yellow Sea, China's side of the median line: no zone of ours
        java.util.function.Predicate<ConsumerRecord<String, byte[]>> fromSite = r -> alert(r).launch() != null
                && Geo.distanceKm(alert(r).launch().launchPoint(), site) < 30;
        try (KafkaProbe alerts = KafkaProbe.fromNow(Topics.ALERTS)) {
            publish(report("kr-greenpine-1", Country.KOR, site, impact));
            ConsumerRecord<String, byte[]> raised = alerts.await(fromSite, 1, WAIT).get(0);
            String id = raised.key();
            assertEquals(Severity.Severe, alert(raised).severity(), "the sensors alone: no zone threatened");
            String liaisonHeadline = "KOR liaison: second launch from the west coast today, treat as hostile";
            io.restassured.RestAssured.given().auth().oauth2(org.tcc.testsupport.Tokens.user("kr-liaison"))
                    .contentType("application/json").body(java.util.Map.of("headline", liaisonHeadline,
                            "severity", "Extreme", "reason", "assessed by hand"))
                    .when().patch("/api/v1/alerts/" + id).then().statusCode(200);

            MissileLaunchReport american = report("us-tpy2-kyogamisaki", Country.USA, site, impact);
            publish(new MissileLaunchReport(american.reportId(), american.sensorId(), american.reportingCountry(),
                    american.detectedAt().minusSeconds(30), american.launchPoint(), american.predictedImpactPoint(),
                    american.apogeeKm(), american.rangeKm(), american.flightTimeSeconds(), american.missileClass(),
                    american.confidence(), null, american.status()));
            AlertState refined = alert(alerts.await(r -> id.equals(r.key()) && alert(r).launch() != null
                    && alert(r).launch().sensors().size() == 2, 1, WAIT).get(0));

            assertEquals(Country.KOR, refined.originCountry(), "an earlier USA detection takes nothing over");
            assertEquals(liaisonHeadline, refined.headline(), "the liaison's headline survives");
            assertEquals(Severity.Extreme, refined.severity(), "a severity raised by hand is never lowered");
            assertTrue(refined.launch().detectedAt().isBefore(american.detectedAt()), "the estimate follows the sensors");
        }
    }

    private static List<org.tcc.contracts.events.alert.AppliedReport> applied(ConsumerRecord<String, byte[]> r) {
        List<org.tcc.contracts.events.alert.AppliedReport> applied = KafkaProbe.header(r, CloudEvents.HEADER_TYPE)
                .contains("AlertRaised") ? Json.read(r.value(), AlertRaised.class).appliedReports()
                : Json.read(r.value(), AlertUpdated.class).appliedReports();
        return applied == null ? List.of() : applied;
    }

    /** Up to about 15 km off. */
    private static GeoPoint jitter(GeoPoint p, java.util.Random random) {
        double km = 15 * random.nextDouble();
        double bearing = 2 * Math.PI * random.nextDouble();
        return new GeoPoint(p.lat() + km * Math.cos(bearing) / 111.2,
                p.lon() + km * Math.sin(bearing) / (111.2 * Math.cos(Math.toRadians(p.lat()))));
    }

    @Test
    void forgedUnsignedAndInvalidReportsGoToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        // all keyed by one sensor: one partition, so the dead letters keep the order they were sent in
        GeoPoint site = new GeoPoint(41.5, 129.0);
        try (KafkaProbe dlq = KafkaProbe.fromNow(Topics.deadLetter(Topics.FEED_MISSILE_LAUNCH));
             KafkaProbe alerts = KafkaProbe.fromNow(Topics.ALERTS)) {
            MissileLaunchReport forged = report("jp-fps5-sado", Country.JPN, site, null);
            byte[] forgedBytes = SignedReports.bytes(forged);
            String signatureOfOther = SignedReports.SIGNER.sign("jp-fps5-sado",
                    SignedReports.bytes(report("jp-fps5-sado", Country.JPN, site, null)));
            publish("jp-fps5-sado", forgedBytes, signatureOfOther);
            publish("jp-fps5-sado", SignedReports.bytes(report("jp-fps5-sado", Country.JPN, site, null)), null);
            byte[] wrongCountry = SignedReports.bytes(report("kr-greenpine-1", Country.JPN, site, null));
            publish("jp-fps5-sado", wrongCountry, SignedReports.SIGNER.sign("kr-greenpine-1", wrongCountry));
            byte[] invalid = SignedReports.bytes(report("jp-fps5-sado", Country.JPN, new GeoPoint(95.0, 129.0), null));
            publish("jp-fps5-sado", invalid, SignedReports.SIGNER.sign("jp-fps5-sado", invalid));
            byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
            publish("jp-fps5-sado", garbage, SignedReports.SIGNER.sign("jp-fps5-sado", garbage));
            // authentic and valid, but padded far beyond any genuine report
            byte[] oversized = padded(SignedReports.bytes(report("jp-fps5-sado", Country.JPN, site, null)), 100_000);
            publish("jp-fps5-sado", oversized, SignedReports.SIGNER.sign("jp-fps5-sado", oversized));

            List<ConsumerRecord<String, byte[]>> dead = dlq.await(r -> true, 6, WAIT);
            List<String> reasons = dead.stream().map(r -> KafkaProbe.header(r, "dead-letter-reason")).toList();
            assertTrue(reasons.get(0).contains("FORGED"), reasons.get(0));
            assertTrue(reasons.get(1).contains("UNSIGNED"), reasons.get(1));
            assertTrue(reasons.get(2).contains("WRONG_COUNTRY"), reasons.get(2));
            assertTrue(reasons.get(3).contains("$.launchPoint.lat"), reasons.get(3));
            assertTrue(reasons.get(4).contains("unreadable") || reasons.get(4).contains("invalid"), reasons.get(4));
            assertTrue(reasons.get(5).startsWith("oversized report: 100"), reasons.get(5));
            assertEquals(oversized.length, dead.get(5).value().length, "the dead letter keeps the record as it came");

            MissileLaunchReport valid = report("jp-fps5-sado", Country.JPN, site, null);
            publish(valid);
            alerts.await(r -> alert(r).launch() != null
                    && Math.abs(alert(r).launch().launchPoint().lat() - 41.5) < 0.01, 1, WAIT);
            assertEquals(1, alerts.drain(Duration.ofSeconds(1)).stream()
                    .filter(r -> alert(r).launch() != null && Math.abs(alert(r).launch().launchPoint().lat() - 41.5) < 0.01)
                    .count(), "only the valid report raised an alert");
        }
    }

    @Test
    void aRedeliveredReportIsAppliedOnce() {
        GeoPoint site = new GeoPoint(42.2, 130.2);
        MissileLaunchReport report = report("kr-greenpine-1", Country.KOR, site, new GeoPoint(40.5, 134.0));
        byte[] payload = SignedReports.bytes(report);
        String signature = SignedReports.SIGNER.sign(report.sensorId(), payload);
        try (KafkaProbe alerts = KafkaProbe.fromNow(Topics.ALERTS)) {
            publish(report.sensorId(), payload, signature);
            publish(report.sensorId(), payload, signature);
            publish(report.sensorId(), payload, signature);
            alerts.await(r -> alert(r).launch() != null && Math.abs(alert(r).launch().launchPoint().lat() - 42.2) < 0.01,
                    1, WAIT);
            assertEquals(1, alerts.drain(Duration.ofSeconds(3)).stream()
                    .filter(r -> alert(r).launch() != null
                            && Math.abs(alert(r).launch().launchPoint().lat() - 42.2) < 0.01).count());
        }
    }
}

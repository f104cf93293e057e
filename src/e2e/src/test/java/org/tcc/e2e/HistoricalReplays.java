package org.tcc.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.tcc.contracts.Country;
import org.tcc.contracts.FeedSignature;
import org.tcc.contracts.Json;
import org.tcc.contracts.Topics;
import org.tcc.contracts.events.GeoPoint;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.feed.MissileClass;
import org.tcc.contracts.events.feed.MissileLaunchReport;
import org.tcc.stack.feed.SensorSigner;
import org.tcc.testsupport.KafkaProbe;
import org.tcc.testsupport.ProjectRoot;
import org.tcc.testsupport.Tokens;

/**
 * Launch patterns constructed from public reporting, replayed through the signed Kafka feed of the running
 * services: each missile seen by a USA, a KOR and a JPN sensor with position noise up to 15 km and time noise up to
 * 20 s, the reports shuffled and every one delivered twice. Positions are approximate (as reported by the
 * ministries of defence and the press), not operational data.
 *
 * <ul>
 *   <li>6 March 2017: four extended-range Scuds from the Tongchang-ri area within seconds, about 1,000 km into the
 *       Sea of Japan, three of them inside Japan's EEZ 300-350 km off the Oga peninsula (Akita).</li>
 *   <li>4 October 2022: a Hwasong-12 from Mupyong-ni (Jagang) over Aomori into the Pacific, about 3,200 km east of
 *       Japan: an overflight.</li>
 *   <li>28 November 2017: a lofted Hwasong-15 from Pyongsong, apogee about 4,500 km, into Japan's EEZ about 250 km
 *       west of Aomori.</li>
 *   <li>13 April 2023: a solid-fuel ICBM whose first predicted impact was on or near Hokkaido (the J-Alert warning)
 *       and was then withdrawn: the sensor's correction moves the impact far out of every zone.</li>
 * </ul>
 *
 * The salvo is replayed as an EXERCISE, the others as TEST, so that no other test's alert joins the salvo's crisis
 * (grouping is by type, region and traffic status).
 */
final class HistoricalReplays {

    private static final String[][] SENSORS = {{"us-tpy2-kyogamisaki", "USA"}, {"kr-greenpine-1", "KOR"},
            {"jp-fps5-sado", "JPN"}};
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String ingestion;
    private final String consultation;
    private final SensorSigner signer = SensorSigner.fromJwks(
            ProjectRoot.dir().resolve("deploy/sensors/local-sensors.private.jwks.json"));
    private final Random random = new Random(20231218L);

    HistoricalReplays(String ingestion, String consultation) {
        this.ingestion = ingestion;
        this.consultation = consultation;
    }

    void run() throws Exception {
        salvoOfMarch2017();
        overflightOfOctober2022();
        loftedIcbmOfNovember2017();
        withdrawnPredictionOfApril2023();
    }

    private void salvoOfMarch2017() throws Exception {
        GeoPoint site = new GeoPoint(39.66, 124.71);
        List<GeoPoint> impacts = List.of(new GeoPoint(40.25, 136.30), new GeoPoint(40.05, 136.05),
                new GeoPoint(40.45, 136.55), new GeoPoint(41.20, 134.60));
        Instant first = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        List<MissileLaunchReport> reports = new ArrayList<>();
        for (int m = 0; m < impacts.size(); m++) {
            reports.addAll(missile("m2017-" + m, first.plusSeconds(3L * m), site, impacts.get(m),
                    MissileClass.MRBM, 260.0, 1_000.0, 700, TrafficStatus.EXERCISE));
        }
        replay(reports);
        List<JsonNode> alerts = awaitAlerts(a -> near(a, site, TrafficStatus.EXERCISE), impacts.size());
        assertEquals(4, alerts.size(), "one alert per missile of the salvo: " + summary(alerts));
        long japan = alerts.stream().filter(a -> affected(a).equals(Set.of("JPN"))).count();
        assertEquals(3, japan, "three impacts in Japan's EEZ: " + summary(alerts));
        alerts.stream().filter(a -> affected(a).isEmpty()).forEach(a ->
                assertEquals("Severe", a.path("severity").asText(), "the fourth threatens no zone"));
        alerts.stream().filter(a -> !affected(a).isEmpty()).forEach(a ->
                assertEquals("Extreme", a.path("severity").asText()));

        // one crisis: the four alerts share one consultation, which lists exactly them
        Set<String> ids = alerts.stream().map(a -> a.path("id").asText()).collect(Collectors.toSet());
        JsonNode crisis = Awaitility.await("one consultation listing the salvo").atMost(WAIT)
                .pollInterval(Duration.ofMillis(500)).until(() -> consultations().stream()
                        .filter(c -> alertIds(c).stream().anyMatch(ids::contains)).toList(), l -> l.size() == 1
                        && alertIds(l.get(0)).size() == 4).get(0);
        assertEquals(ids, alertIds(crisis));
    }

    private void overflightOfOctober2022() throws Exception {
        GeoPoint site = new GeoPoint(40.62, 126.42);
        GeoPoint impact = new GeoPoint(40.50, 179.20);
        replay(missile("h12-2022", Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS), site, impact,
                MissileClass.IRBM, 970.0, 4_600.0, 1_320, TrafficStatus.TEST));
        JsonNode alert = awaitAlerts(a -> near(a, site, TrafficStatus.TEST), 1).get(0);
        assertEquals("Extreme", alert.path("severity").asText(), "an overflight is Extreme: " + alert);
        assertEquals(Set.of("JPN"), affected(alert), "Japan overflown");
        assertTrue(threats(alert).stream().anyMatch(t -> "JPN".equals(t.path("country").asText())
                && "OVERFLIGHT".equals(t.path("kind").asText())), "the alert says it is an overflight: " + alert);
    }

    private void loftedIcbmOfNovember2017() throws Exception {
        GeoPoint site = new GeoPoint(39.25, 125.87);
        GeoPoint impact = new GeoPoint(40.80, 137.25);
        replay(missile("h15-2017", Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS), site, impact,
                MissileClass.ICBM, 4_475.0, 960.0, 3_180, TrafficStatus.TEST));
        JsonNode alert = awaitAlerts(a -> near(a, site, TrafficStatus.TEST), 1).get(0);
        assertEquals(Set.of("JPN"), affected(alert), "inside Japan's EEZ: " + alert);
        assertEquals("Extreme", alert.path("severity").asText());
        assertTrue(threats(alert).stream().anyMatch(t -> "IMPACT_EEZ".equals(t.path("kind").asText())));
    }

    private void withdrawnPredictionOfApril2023() throws Exception {
        GeoPoint site = new GeoPoint(38.70, 125.40); // the Pyongyang area, kept apart from the other replays' sites
        Instant detected = Instant.now().minusSeconds(40).truncatedTo(ChronoUnit.MILLIS);
        List<MissileLaunchReport> first = missile("h18-2023", detected, site, new GeoPoint(42.80, 141.60),
                MissileClass.ICBM, 3_000.0, 1_000.0, 4_200, TrafficStatus.TEST);
        replay(first);
        awaitAlerts(a -> near(a, site, TrafficStatus.TEST) && affected(a).contains("JPN"), 1);
        // each sensor withdraws its prediction: the missile is coming down far out at sea
        GeoPoint corrected = new GeoPoint(40.70, 131.50);
        List<MissileLaunchReport> corrections = first.stream().map(r -> new MissileLaunchReport(r.reportId() + "-c",
                r.sensorId(), r.reportingCountry(), r.detectedAt(), r.launchPoint(), jitter(corrected),
                r.apogeeKm(), r.rangeKm(), r.flightTimeSeconds(), r.missileClass(), r.confidence(), null,
                r.status()).correcting(r.reportId())).toList();
        replay(corrections);
        JsonNode alert = awaitAlerts(a -> near(a, site, TrafficStatus.TEST) && affected(a).isEmpty(), 1).get(0);
        assertEquals("Severe", alert.path("severity").asText(), "the withdrawn threat lowers the alert: " + alert);
        assertEquals(1, alerts().stream().filter(a -> near(a, site, TrafficStatus.TEST)).count(),
                "the corrections refine the one alert, they raise no other");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** One missile as three sensors report it, with noise. */
    private List<MissileLaunchReport> missile(String id, Instant launched, GeoPoint site, GeoPoint impact,
                                              MissileClass missileClass, double apogeeKm, double rangeKm,
                                              int flightSeconds, TrafficStatus status) {
        List<MissileLaunchReport> reports = new ArrayList<>();
        for (String[] sensor : SENSORS) {
            reports.add(new MissileLaunchReport(id + "-" + sensor[1].toLowerCase() + "-" + random.nextInt(1_000_000),
                    sensor[0], Country.valueOf(sensor[1]), launched.plusSeconds(random.nextInt(21)), jitter(site),
                    jitter(impact), apogeeKm, rangeKm, flightSeconds, missileClass, 0.7 + 0.2 * random.nextDouble(),
                    null, status));
        }
        return reports;
    }

    /** Shuffled, every report twice, signed by its sensor, on the feed topic. */
    private void replay(List<MissileLaunchReport> reports) {
        List<MissileLaunchReport> twice = new ArrayList<>(reports);
        twice.addAll(reports);
        Collections.shuffle(twice, random);
        for (MissileLaunchReport r : twice) {
            byte[] payload = Json.toBytes(r);
            KafkaProbe.send(Topics.FEED_MISSILE_LAUNCH, r.sensorId(), payload,
                    Map.of(FeedSignature.KAFKA_HEADER, signer.sign(r.sensorId(), payload)));
        }
    }

    private GeoPoint jitter(GeoPoint p) {
        double km = 15 * random.nextDouble();
        double bearing = 2 * Math.PI * random.nextDouble();
        double lon = p.lon() + km * Math.sin(bearing) / (111.2 * Math.cos(Math.toRadians(p.lat())));
        return new GeoPoint(p.lat() + km * Math.cos(bearing) / 111.2, lon > 180 ? lon - 360 : lon);
    }

    /** The alerts matching {@code which}, once there are {@code count} of them, each fused from three sensors. */
    private List<JsonNode> awaitAlerts(Predicate<JsonNode> which, int count) {
        return Awaitility.await("alerts from the replay").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> alerts().stream().filter(which).toList(), l -> l.size() >= count
                        && l.stream().allMatch(a -> a.path("launch").path("sensors").size() == 3));
    }

    private List<JsonNode> alerts() throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get("us-liaison", ingestion + "/api/v1/alerts?type=MISSILE_LAUNCH&limit=200"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("items").forEach(all::add);
            cursor = page.hasNonNull("next") ? page.path("next").asText() : null;
        } while (cursor != null);
        return all;
    }

    private List<JsonNode> consultations() throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get("us-liaison", consultation + "/api/v1/consultations?limit=200"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("items").forEach(all::add);
            cursor = page.hasNonNull("next") ? page.path("next").asText() : null;
        } while (cursor != null);
        return all;
    }

    private static JsonNode get(String user, String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", Tokens.bearer(Tokens.user(user))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return Json.mapper().readTree(response.body());
    }

    /** A sensor alert of this traffic status launched within about 20 km of {@code site}. */
    private static boolean near(JsonNode alert, GeoPoint site, TrafficStatus status) {
        JsonNode p = alert.path("launch").path("launchPoint");
        return status.name().equals(alert.path("status").asText()) && !p.isMissingNode()
                && Math.abs(p.path("lat").asDouble() - site.lat()) < 0.2
                && Math.abs(p.path("lon").asDouble() - site.lon()) < 0.25;
    }

    private static Set<String> affected(JsonNode alert) {
        Set<String> countries = new TreeSet<>();
        alert.path("affectedCountries").forEach(c -> countries.add(c.asText()));
        return countries;
    }

    private static List<JsonNode> threats(JsonNode alert) {
        List<JsonNode> threats = new ArrayList<>();
        alert.path("threats").forEach(threats::add);
        return threats;
    }

    private static Set<String> alertIds(JsonNode consultation) {
        Set<String> ids = new LinkedHashSet<>();
        consultation.path("alertIds").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    private static String summary(List<JsonNode> alerts) {
        Map<String, Object> byId = new HashMap<>();
        alerts.forEach(a -> byId.put(a.path("id").asText(), affected(a) + " " + a.path("severity").asText()
                + " impact " + a.path("launch").path("predictedImpactPoint")));
        return byId.toString();
    }
}

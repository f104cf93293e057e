package org.tcc.stack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.tcc.contracts.Country;
import org.tcc.contracts.FeedSignature;
import org.tcc.contracts.Json;
import org.tcc.contracts.Topics;
import org.tcc.contracts.events.GeoPoint;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.feed.MissileClass;
import org.tcc.contracts.events.feed.MissileLaunchReport;
import org.tcc.stack.feed.SensorSigner;

/**
 * The whole mechanism as one scenario, driven only through public interfaces: signed sensor reports on the feed
 * topic, REST calls with real tokens, and the three countries' live notification streams. Every expectation that
 * fails throws {@link ScenarioFailure}; the timeline records who did what, when, and each hop's latency.
 */
public final class TrilateralScenario {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Map<Country, String> LIAISON = Map.of(Country.USA, "us-liaison", Country.KOR, "kr-liaison",
            Country.JPN, "jp-liaison");
    private static final List<Country> ALL = List.of(Country.USA, Country.KOR, Country.JPN);
    /** Sea of Japan inside Japan's EEZ, and outside every EEZ. */
    private static final GeoPoint JAPAN_EEZ = new GeoPoint(40.9, 138.6);
    private static final GeoPoint OPEN_SEA = new GeoPoint(40.5, 134.0);

    private final Endpoints endpoints;
    private final Timeline timeline;
    private final Api api;
    private final SensorSigner signer;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final double jitter = Math.random() * 0.1;
    private final Instant started = Instant.now().minusSeconds(1);
    /** The W3C trace id each published sensor report started, in publication order. */
    private final List<String> reportTraces = new java.util.concurrent.CopyOnWriteArrayList<>();

    public TrilateralScenario(Endpoints endpoints, Timeline timeline) {
        this.endpoints = endpoints;
        this.timeline = timeline;
        this.api = new Api(endpoints.issuer());
        this.signer = SensorSigner.fromJwks(endpoints.sensorKeys());
    }

    /** The trace ids of the sensor reports the scenario published (W3C {@code traceparent} on each record). */
    public List<String> reportTraces() {
        return List.copyOf(reportTraces);
    }

    public void run() {
        Map<Country, LiveStream> streams = new LinkedHashMap<>();
        try (KafkaProducer<String, byte[]> feed = producer()) {
            timeline.step("0. liaison consoles of USA, KOR and JPN open their live streams");
            for (Country c : ALL) {
                streams.put(c, new LiveStream(endpoints.notification() + "/api/v1/notifications/stream",
                        api.token(LIAISON.get(c)), LIAISON.get(c)));
                timeline.record(LIAISON.get(c), "stream open");
            }
            sleep(1000);
            String alertId = icbmSeenByThreeCountries(feed, streams);
            consultToJointStatement(alertId);
            correctionThenCancellation(feed, streams);
            korOnlyAlertStaysAwayFromJapan(streams);
            auditorVerifies(alertId);
        } finally {
            streams.values().forEach(LiveStream::close);
        }
    }

    private String icbmSeenByThreeCountries(KafkaProducer<String, byte[]> feed, Map<Country, LiveStream> streams) {
        timeline.step("1. ICBM-class launch near Pyongyang, seen by a USA, a KOR and a JPN sensor");
        GeoPoint site = new GeoPoint(39.03 + jitter, 125.75);
        Instant published = Instant.now();
        publish(feed, report("us-tpy2-kyogamisaki", Country.USA, site, JAPAN_EEZ), "USA sensor (AN/TPY-2)");
        publish(feed, report("kr-greenpine-1", Country.KOR, shift(site, 0.02), shift(JAPAN_EEZ, 0.1)),
                "KOR sensor (Green Pine)");
        publish(feed, report("jp-fps5-sado", Country.JPN, shift(site, -0.02), shift(JAPAN_EEZ, -0.1)),
                "JPN sensor (J/FPS-5)");

        timeline.step("2. one fused alert, Extreme for JPN, on all three countries' streams");
        JsonNode alert = until("one fused alert listing three sensors", () -> {
            JsonNode list = ok(api.get("jp-liaison", endpoints.ingestion() + "/api/v1/alerts?type=MISSILE_LAUNCH&limit=50"));
            for (JsonNode a : list.path("items")) {
                JsonNode launch = a.path("launch");
                if (Math.abs(launch.path("launchPoint").path("lat").asDouble() - site.lat()) < 0.05
                        && !Instant.parse(a.path("raisedAt").asText()).isBefore(started)
                        && launch.path("sensors").size() == 3) {
                    return a;
                }
            }
            return null;
        });
        String alertId = alert.path("id").asText();
        timeline.record("ingestion", "alert " + short8(alertId) + " " + alert.path("severity").asText() + "/"
                + alert.path("urgency").asText() + ", affected " + alert.path("affectedCountries")
                + ", sensors " + alert.path("launch").path("sensors"), Duration.between(published, Instant.now()));
        expect("Extreme".equals(alert.path("severity").asText()), "the alert is Extreme");
        expect(alert.path("affectedCountries").toString().contains("JPN"), "JPN is affected");
        for (Country c : ALL) {
            LiveStream.Received r = streams.get(c).await(e -> e.data().contains(alertId), WAIT,
                    "notification of " + short8(alertId) + " on the " + c + " stream");
            timeline.record(LIAISON.get(c), "stream: " + summary(r.data()), Duration.between(published, r.at()));
        }
        return alertId;
    }

    private void consultToJointStatement(String alertId) {
        timeline.step("3. consultation convened; acknowledge, join, positions, joint statement approved by all");
        Instant alerted = Instant.now();
        JsonNode consultation = until("a consultation convened for the alert", () -> {
            JsonNode list = ok(api.get("us-liaison", endpoints.consultation() + "/api/v1/consultations?limit=200"));
            for (JsonNode c : list.path("items")) {
                // the consultation of the alert's crisis: convened by it, or one it joined (alertIds)
                if (c.path("alertIds").toString().contains(alertId)) {
                    return c;
                }
            }
            return null;
        });
        String id = consultation.path("id").asText();
        String base = endpoints.consultation() + "/api/v1/consultations/" + id;
        timeline.record("consultation", "convened " + short8(id) + " at level " + consultation.path("level").asText()
                + ", phase " + consultation.path("phase").asText(), Duration.between(alerted, Instant.now()));
        for (Country c : ALL) {
            String who = LIAISON.get(c);
            expectStatus(api.post(who, endpoints.ingestion() + "/api/v1/alerts/" + alertId + "/acknowledgements",
                    null), 201, who + " acknowledges");
            timeline.record(who, "acknowledged alert " + short8(alertId) + " for " + c);
            expectStatus(act(who, base + "/join", Map.of()), 200, who + " joins");
            timeline.record(who, "joined for " + c);
        }
        expect("IN_SESSION".equals(ok(api.get("jp-liaison", base)).path("phase").asText()), "all joined: IN_SESSION");
        Map<Country, String> positions = Map.of(
                Country.USA, "Ironclad commitment to allies; ready to coordinate ISR and missile defence posture.",
                Country.KOR, "Condemn the launch; coordinate a UNSC statement; raise readiness on the peninsula.",
                Country.JPN, "Impact inside our EEZ: demand explanation; coordinate maritime safety notices.");
        for (Country c : ALL) {
            expectStatus(act(LIAISON.get(c), base + "/positions", Map.of("assessment",
                    "ICBM-class launch, impact predicted in Japan's EEZ", "position", positions.get(c))), 200,
                    LIAISON.get(c) + " submits a position");
            timeline.record(LIAISON.get(c), "position: " + positions.get(c));
        }
        Api.Reply proposed = act("jp-liaison", base + "/proposals", Map.of(
                "statement", "The United States, the Republic of Korea and Japan strongly condemn the launch.",
                "actions", List.of("joint statement at 0900 JST", "share trajectory data", "coordinate UNSC")));
        expectStatus(proposed, 201, "JPN proposes a joint statement");
        String proposalId = proposed.json().path("proposal").path("id").asText();
        timeline.record("jp-liaison", "proposed joint statement " + short8(proposalId));
        for (Country c : ALL) {
            expectStatus(act(LIAISON.get(c), base + "/proposals/" + proposalId + "/approve", Map.of()), 200,
                    LIAISON.get(c) + " approves");
            timeline.record(LIAISON.get(c), "approved");
        }
        JsonNode concluded = ok(api.get("kr-liaison", base));
        expect("CONCLUDED".equals(concluded.path("phase").asText()), "consultation CONCLUDED, was "
                + concluded.path("phase").asText());
        timeline.record("consultation", "CONCLUDED: " + concluded.path("outcome").asText(),
                Duration.between(alerted, Instant.now()));
        lastConsultation = id;
    }

    private String lastConsultation;

    private void correctionThenCancellation(KafkaProducer<String, byte[]> feed, Map<Country, LiveStream> streams) {
        timeline.step("4. a second launch: wrong impact prediction corrected, then cancelled by the feed");
        GeoPoint site = new GeoPoint(40.02 + jitter, 128.2); // Sinpo
        MissileLaunchReport first = report("us-sbirs-geo", Country.USA, site, JAPAN_EEZ);
        publish(feed, first, "USA sensor predicts impact in JPN EEZ");
        JsonNode alert = until("the second alert", () -> findAlert("us-liaison", site, a -> true));
        String alertId = alert.path("id").asText();
        timeline.record("ingestion", "alert " + short8(alertId) + " " + alert.path("severity").asText()
                + ", affected " + alert.path("affectedCountries"));
        Instant corrected = Instant.now();
        publish(feed, report("us-sbirs-geo", Country.USA, site, OPEN_SEA).correcting(first.reportId()),
                "USA sensor corrects its report: impact outside every EEZ");
        JsonNode updated = until("the corrected alert", () -> findAlert("us-liaison", site,
                a -> alertId.equals(a.path("id").asText()) && a.path("affectedCountries").isEmpty()
                        && "Severe".equals(a.path("severity").asText())));
        timeline.record("ingestion", "corrected: " + updated.path("severity").asText() + ", affected "
                + updated.path("affectedCountries"), Duration.between(corrected, Instant.now()));
        for (Country c : ALL) {
            LiveStream.Received r = streams.get(c).await(e -> e.data().contains(alertId)
                    && e.data().contains("Updated"), WAIT, "the correction on the " + c + " stream");
            timeline.record(LIAISON.get(c), "stream: " + summary(r.data()), Duration.between(corrected, r.at()));
        }
        Instant cancelled = Instant.now();
        expectStatus(api.post("feed-usa", endpoints.ingestion() + "/api/v1/alerts/" + alertId + "/cancellation",
                Map.of("reason", "track lost: not a launch")), 200, "the USA feed cancels");
        timeline.record("feed-usa", "cancelled alert " + short8(alertId));
        for (Country c : ALL) {
            LiveStream.Received r = streams.get(c).await(e -> e.data().contains(alertId)
                    && e.data().contains("Cancelled"), WAIT, "the cancellation on the " + c + " stream");
            timeline.record(LIAISON.get(c), "stream: " + summary(r.data()), Duration.between(cancelled, r.at()));
        }
    }

    private void korOnlyAlertStaysAwayFromJapan(Map<Country, LiveStream> streams) {
        timeline.step("5. an alert raised by KOR releasable to USA and KOR only: JPN sees nothing of it");
        Instant raised = Instant.now();
        Api.Reply reply = api.post("kr-liaison", endpoints.ingestion() + "/api/v1/alerts", Map.of(
                "type", "MARITIME_INCIDENT", "region", "KOREAN_PENINSULA", "headline",
                "Unidentified submarine near Baengnyeong Island " + run, "severity", "Severe", "urgency",
                "Immediate", "certainty", "Likely", "releasableTo", List.of("KOR", "USA")));
        expectStatus(reply, 201, "KOR raises");
        String alertId = reply.json().path("id").asText();
        timeline.record("kr-liaison", "raised alert " + short8(alertId) + " releasable to KOR, USA");
        for (Country c : List.of(Country.USA, Country.KOR)) {
            LiveStream.Received r = streams.get(c).await(e -> e.data().contains(alertId), WAIT,
                    "the KOR alert on the " + c + " stream");
            timeline.record(LIAISON.get(c), "stream: " + summary(r.data()), Duration.between(raised, r.at()));
        }
        expectStatus(api.get("jp-liaison", endpoints.ingestion() + "/api/v1/alerts/" + alertId), 404,
                "JPN reading the alert");
        expect(!ok(api.get("jp-liaison", endpoints.ingestion() + "/api/v1/alerts?limit=200")).toString()
                .contains(alertId), "JPN's alert list leaves it out");
        sleep(3000);
        expect(streams.get(Country.JPN).all().stream().noneMatch(e -> e.data().contains(alertId)),
                "JPN's stream never carries it");
        JsonNode consultations = ok(api.get("jp-liaison", endpoints.consultation() + "/api/v1/consultations?limit=200"));
        expect(!consultations.toString().contains(alertId), "JPN sees no consultation about it");
        Api.Reply deliveries = api.get("jp-liaison", endpoints.notification() + "/api/v1/deliveries");
        expect(deliveries.status() != 200 || !deliveries.body().contains(alertId), "JPN's delivery log leaves it out");
        timeline.record("jp-liaison", "alert: 404; list, stream, consultations, deliveries: nothing");
    }

    private void auditorVerifies(String ignoredAlertId) {
        timeline.step("6. the auditor exports the consultation's log and verifies the chain");
        String id = lastConsultation;
        List<JsonNode> entries = all("auditor", endpoints.consultation() + "/api/v1/audit/consultations/" + id);
        timeline.record("auditor", "timeline of " + short8(id) + ": " + entries.size() + " entries");
        Api.Reply export = api.get("auditor", endpoints.consultation() + "/api/v1/audit/export?format=jsonl&consultationId="
                + id, "*/*");
        expectStatus(export, 200, "JSON Lines export");
        long lines = export.body().lines().filter(l -> !l.isBlank()).count();
        expect(lines == entries.size(), "the export has every entry (" + lines + " of " + entries.size() + ")");
        timeline.record("auditor", "exported " + lines + " JSON Lines");
        JsonNode verification = ok(api.get("auditor", endpoints.consultation() + "/api/v1/audit/verify"));
        expect(verification.path("intact").asBoolean(), "the audit chain verifies: " + verification);
        timeline.record("auditor", "chain intact over " + verification.path("entriesChecked").asLong() + " entries");
        expectStatus(api.get("jp-liaison", endpoints.consultation() + "/api/v1/audit/verify"), 403,
                "a liaison reading the audit log");
    }

    /** Every item of a list, page after page: each page's {@code next} is the following one's {@code cursor}. */
    private List<JsonNode> all(String who, String url) {
        List<JsonNode> items = new java.util.ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = ok(api.get(who, url + (url.contains("?") ? "&" : "?") + "limit=200"
                    + (cursor == null ? "" : "&cursor=" + cursor)));
            page.path("items").forEach(items::add);
            cursor = page.hasNonNull("next") ? page.path("next").asText() : null;
        } while (cursor != null);
        return items;
    }

    /**
     * A consultation action as a liaison console sends it: a 409 caused by a concurrent change (another country
     * acting at the same moment, or the alert's own events arriving) is retried after reloading, as the problem
     * detail tells the client to.
     */
    private Api.Reply act(String who, String url, Object body) {
        for (int attempt = 1; ; attempt++) {
            Api.Reply reply = api.post(who, url, body);
            if (reply.status() != 409 || !reply.body().contains("CONCURRENT_CHANGE") || attempt == 5) {
                return reply;
            }
            timeline.record(who, "409 concurrent change: retrying");
            sleep(100L * attempt);
        }
    }

    private JsonNode findAlert(String who, GeoPoint site, Predicate<JsonNode> also) {
        JsonNode list = ok(api.get(who, endpoints.ingestion() + "/api/v1/alerts?type=MISSILE_LAUNCH&limit=50"));
        for (JsonNode a : list.path("items")) {
            JsonNode p = a.path("launch").path("launchPoint");
            if (Math.abs(p.path("lat").asDouble() - site.lat()) < 0.05 && Math.abs(p.path("lon").asDouble()
                    - site.lon()) < 0.05 && !Instant.parse(a.path("raisedAt").asText()).isBefore(started)
                    && also.test(a)) {
                return a;
            }
        }
        return null;
    }

    private MissileLaunchReport report(String sensor, Country country, GeoPoint site, GeoPoint impact) {
        return new MissileLaunchReport("demo-" + run + "-" + UUID.randomUUID(), sensor, country,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), site, impact, 6000.0, 1000.0, 4100, MissileClass.ICBM,
                0.9, null, TrafficStatus.ACTUAL);
    }

    private void publish(KafkaProducer<String, byte[]> feed, MissileLaunchReport report, String what) {
        byte[] payload = Json.toBytes(report);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.FEED_MISSILE_LAUNCH, report.sensorId(),
                payload);
        record.headers().add(FeedSignature.KAFKA_HEADER,
                signer.sign(report.sensorId(), payload).getBytes(StandardCharsets.UTF_8));
        // the sensor gateway starts the report's trace (W3C trace context): the services continue it to the streams
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String spanId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        record.headers().add("traceparent", ("00-" + traceId + "-" + spanId + "-01").getBytes(StandardCharsets.UTF_8));
        reportTraces.add(traceId);
        try {
            feed.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new ScenarioFailure("cannot publish a sensor report: " + e);
        }
        timeline.record(report.sensorId(), what + ": launch " + report.launchPoint().lat() + ","
                + report.launchPoint().lon() + (report.predictedImpactPoint() == null ? ""
                : ", impact " + report.predictedImpactPoint().lat() + "," + report.predictedImpactPoint().lon()));
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties props = endpoints.kafka().properties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private static <T> T until(String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            sleep(100);
        }
        throw new ScenarioFailure("not seen within " + WAIT + ": " + what);
    }

    private static JsonNode ok(Api.Reply reply) {
        if (reply.status() != 200 || reply.json() == null) {
            throw new ScenarioFailure("expected 200 with JSON, got " + reply.status() + ": " + reply.body());
        }
        return reply.json();
    }

    private static void expectStatus(Api.Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new ScenarioFailure(what + ": expected " + status + ", got " + reply.status() + " " + reply.body());
        }
    }

    private static void expect(boolean condition, String what) {
        if (!condition) {
            throw new ScenarioFailure("expected: " + what);
        }
    }

    private static GeoPoint shift(GeoPoint p, double d) {
        return new GeoPoint(p.lat() + d, p.lon() - d);
    }

    private static String short8(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    /** The notification's title (what the liaison reads first), else the start of its data. */
    private static String summary(String data) {
        String text = data;
        try {
            JsonNode json = Api.JSON.readTree(data);
            if (json.hasNonNull("title")) {
                text = json.get("title").asText();
            }
        } catch (java.io.IOException e) {
            // not JSON: show it as it came
        }
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 76 ? flat.substring(0, 76) + "…" : flat;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScenarioFailure("interrupted");
        }
    }

}

package org.tcc.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
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
import org.tcc.stack.infra.KafkaPrincipal;
import org.tcc.testsupport.ProjectRoot;
import org.tcc.testsupport.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.tcc.e2e.browser.Browser;
import org.tcc.e2e.browser.BrowserSession;
import org.tcc.e2e.browser.BrowserTest;
import org.tcc.stack.demo.Api;
import org.tcc.testsupport.TestKeycloak;

/**
 * The console in a real browser against the real stack (the three packaged services and the packaged console, real
 * Kafka, PostgreSQL and Keycloak): people sign in on Keycloak's page, and every screen is driven as they would, by
 * its {@code data-testid}s. The screenshots of docs/console.md are taken here.
 */
@BrowserTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleInTheBrowserTest {

    private static ConsoleStack stack;
    private static Api api;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Map<Country, String> LIAISON = Map.of(Country.USA, "us-liaison", Country.KOR, "kr-liaison",
            Country.JPN, "jp-liaison");
    private static final List<Country> ALL = List.of(Country.USA, Country.KOR, Country.JPN);
    /** The three liaison officers' consoles, open side by side from the board test on. */
    private static final Map<Country, BrowserSession> DESKS = new EnumMap<>(Country.class);
    /** The fused alert and its consultation, once the liaison tests have them. */
    private static String fusedAlertId;
    private static String concludedConsultationId;

    @BeforeAll
    static void startTheStack() throws IOException {
        Browser.shared();
        stack = ConsoleStack.start();
        api = new Api(TestKeycloak.issuer());
    }

    @AfterAll
    static void stopTheStack() {
        DESKS.values().forEach(BrowserSession::close);
        if (stack != null) {
            stack.close();
        }
    }

    /** A person opens the console, is sent to Keycloak's login page, signs in there and lands on their screens. */
    private static BrowserSession signedIn(String label, String user) {
        BrowserSession desk = Browser.shared().newSession(label);
        desk.open(stack.consoleUrl());
        desk.signInAtKeycloak(user);
        awaitShell(desk);
        return desk;
    }

    /**
     * A screen as its user sees it: no script value written as text ("null", "undefined", "[object Object]" where a
     * missing part should have been left out); its screenshot for docs/console.md.
     */
    private static void screen(BrowserSession desk, String name) {
        Object stray = desk.script("const bad = /^(null|undefined|NaN|\\[object Object\\])$/;"
                + "for (const el of document.body.querySelectorAll('*')) for (const n of el.childNodes)"
                + " if (n.nodeType === 3 && bad.test(n.textContent.trim())) return el.outerHTML.slice(0, 300);"
                + "return null;");
        assertEquals(null, stray, desk + ": a stray script value on the " + name + " screen");
        desk.screenshot(name);
    }

    private static void awaitShell(BrowserSession desk) {
        desk.until("the console's shell ready", d -> "true".equals(
                desk.script("return document.body.dataset.ready || null")));
    }

    @Test
    @Order(1)
    void everyKindOfUserSignsInOnKeycloaksPageAndSeesTheirScreensWithoutATokenInThePage() {
        try (BrowserSession liaison = Browser.shared().newSession("JPN liaison")) {
            liaison.open(stack.consoleUrl());
            liaison.await(org.openqa.selenium.By.id("kc-login"), BrowserSession.WAIT);
            assertTrue(liaison.currentUrl().startsWith(TestKeycloak.issuer()), "sent to Keycloak: "
                    + liaison.currentUrl());
            screen(liaison, "sign-in");
            liaison.signInAtKeycloak("jp-liaison");
            awaitShell(liaison);
            assertTrue(liaison.currentUrl().startsWith(stack.consoleUrl()), liaison.currentUrl());
            assertEquals("JPN", liaison.attribute("session-user", "data-country"));
            assertTrue(liaison.present("nav-board"), "a liaison has the board");
            assertFalse(liaison.present("nav-audit") || liaison.present("nav-admin"), "and neither audit nor admin");
            assertNoTokenInThePage(liaison);
        }
        try (BrowserSession auditor = signedIn("auditor", "us-auditor")) {
            assertTrue(auditor.present("nav-audit"));
            assertFalse(auditor.present("nav-board") || auditor.present("nav-admin"));
            assertEquals("audit", auditor.attribute("screen", "data-screen"), "the auditor lands on the log");
            assertNoTokenInThePage(auditor);
        }
        try (BrowserSession admin = signedIn("admin", "kr-admin")) {
            assertTrue(admin.present("nav-admin"));
            assertFalse(admin.present("nav-board") || admin.present("nav-audit"));
            assertEquals("admin", admin.attribute("screen", "data-screen"));
            assertNoTokenInThePage(admin);

            // signing out (a POST) ends the console's session and Keycloak's: the next visit asks for the password
            admin.click("sign-out");
            admin.await("signed-out");
            assertTrue(admin.currentUrl().startsWith(stack.consoleUrl()), admin.currentUrl());
            assertTrue(((Number) admin.fetch("/session").get("status")).intValue() != 200, "no session left");
            admin.click("sign-in-again");
            // Keycloak's own session ended too: it asks for the password instead of signing straight back in
            admin.await(By.id("kc-login"), BrowserSession.WAIT);
            assertTrue(admin.currentUrl().startsWith(TestKeycloak.issuer()), admin.currentUrl());
        }
    }

    /** The page's script sees no token: not in its cookies (HttpOnly), storage, or anything the console served. */
    private static void assertNoTokenInThePage(BrowserSession desk) {
        Object seen = desk.script("return document.cookie + '|' + JSON.stringify(localStorage) + '|'"
                + " + JSON.stringify(sessionStorage) + '|' + document.documentElement.outerHTML");
        assertFalse(seen.toString().contains("eyJ"), desk + ": a JWT is visible to page script");
        Map<String, Object> session = desk.fetch("/session");
        assertFalse(session.get("body").toString().contains("eyJ"), "/session carries no token");
    }

    private static BrowserSession desk(Country country) {
        return DESKS.computeIfAbsent(country, c -> {
            BrowserSession desk = signedIn(c + " liaison", LIAISON.get(c));
            desk.await("board-table");
            return desk;
        });
    }

    private static void awaitLive(BrowserSession desk) {
        desk.until("the live stream connected", d -> "open".equals(d.findElement(BrowserSession.testId(
                "connection-state")).getAttribute("data-state")));
    }

    private static By alertRow(String alertId) {
        return By.cssSelector("[data-testid='alert-row'][data-alert-id='" + alertId + "']");
    }

    @Test
    @Order(10)
    void aFusedMissileAlertArrivesLiveOnTheThreeBoardsAndEachCountryAcknowledgesIt() {
        for (Country c : ALL) {
            BrowserSession desk = desk(c);
            awaitLive(desk);
            // a mark in the page: still there afterwards means the alert came live, not with a reload
            desk.script("window.tccSameDocument = 'yes'");
        }
        Instant published = Instant.now().minusSeconds(1);
        GeoPoint site = new GeoPoint(39.03 + Math.random() * 0.1, 125.75);
        publishFusedLaunch(site, new GeoPoint(40.9, 138.6));
        fusedAlertId = until("one fused alert of three sensors", () -> fusedAlert(site, published));
        for (Country c : ALL) {
            BrowserSession desk = DESKS.get(c);
            desk.await(alertRow(fusedAlertId), BrowserSession.WAIT);
            assertEquals("Extreme", desk.attribute(alertRow(fusedAlertId), "data-severity"), c + ": "
                    + desk.text(alertRow(fusedAlertId)));
            assertEquals("yes", desk.script("return window.tccSameDocument || null"),
                    c + ": the alert arrived on the open board, without a reload");
        }
        BrowserSession jpn = DESKS.get(Country.JPN);
        screen(jpn, "board");

        // JPN acknowledges from the board, KOR too, USA from the alert's detail page (with its map)
        for (Country c : List.of(Country.JPN, Country.KOR)) {
            BrowserSession desk = DESKS.get(c);
            desk.click(alertRow(fusedAlertId), "board-ack");
            desk.until(c + "'s acknowledgement on its board", d -> "true".equals(d.findElement(alertRow(fusedAlertId))
                    .findElement(BrowserSession.testId("ack-" + c)).getAttribute("data-acknowledged")));
        }
        BrowserSession usa = DESKS.get(Country.USA);
        usa.click(alertRow(fusedAlertId), "alert-link");
        usa.await("alert-detail");
        usa.click("alert-ack");
        usa.until("all three acknowledgements on the detail page", d -> ALL.stream().allMatch(c -> "true".equals(
                d.findElement(BrowserSession.testId("ack-row-" + c)).getAttribute("data-acknowledged"))));
        usa.await("alert-map-panel");
        // its versions from the service's history: raised by a sensor, then each country's acknowledgement
        usa.until("the versions: raised, then the three acknowledgements", d -> {
            List<String> changes = d.findElements(BrowserSession.testId("alert-version")).stream()
                    .map(v -> v.getAttribute("data-change")).toList();
            return changes.contains("RAISED") && changes.stream().filter("ACKNOWLEDGED"::equals).count() == 3;
        });
        screen(usa, "alert-detail");
        JsonNode alert = ok(api.get("kr-liaison", stack.url("alert-ingestion") + "/api/v1/alerts/" + fusedAlertId));
        assertEquals(3, alert.path("acknowledgements").size(), "three countries acknowledged: " + alert);
    }

    @Test
    @Order(20)
    void threeCountriesJoinPositionProposeAndConcludeTheConsultationEachInTheirOwnBrowser() {
        assertTrue(fusedAlertId != null, "needs the fused alert of the board test");
        String id = until("the consultation convened for the alert", () -> {
            JsonNode list = ok(api.get("us-liaison", stack.url("consultation") + "/api/v1/consultations?size=200"));
            for (JsonNode c : list.has("items") ? list.path("items") : list.path("consultations")) {
                if (fusedAlertId.equals(c.path("alertId").asText()) || c.path("alertIds").toString()
                        .contains(fusedAlertId)) {
                    return c.path("id").asText();
                }
            }
            return null;
        });
        for (Country c : ALL) {
            DESKS.get(c).open(stack.consoleUrl() + "#/consultations/" + id);
            DESKS.get(c).await("room-phase");
        }
        for (Country c : ALL) {
            act(DESKS.get(c), "join-submit", d -> "true".equals(d.findElement(BrowserSession.testId("participant-" + c))
                    .getAttribute("data-joined")));
        }
        awaitPhase("IN_SESSION");
        Map<Country, String> positions = Map.of(
                Country.USA, "Ironclad commitment to allies; ready to coordinate missile defence posture.",
                Country.KOR, "Condemn the launch; coordinate a UNSC statement.",
                Country.JPN, "Impact inside our EEZ: coordinate maritime safety notices.");
        for (Country c : ALL) {
            BrowserSession desk = DESKS.get(c);
            desk.type("field-assessment", "ICBM-class launch, impact predicted in Japan's EEZ");
            desk.type("field-position", positions.get(c));
            act(desk, "position-submit", d -> d.findElement(BrowserSession.testId("participant-" + c)).getText()
                    .contains(positions.get(c).substring(0, 20)));
        }
        BrowserSession jpn = DESKS.get(Country.JPN);
        jpn.until("every position in: the proposal form", d -> jpn.present("field-statement"));
        jpn.type("field-statement", "The United States, the Republic of Korea and Japan strongly condemn the launch.");
        jpn.type("field-actions", "joint statement at 0900 JST\nshare trajectory data");
        act(jpn, "proposal-submit", d -> "PROPOSED".equals(d.findElement(BrowserSession.testId("room-phase"))
                .getAttribute("data-phase")));
        awaitPhase("PROPOSED");
        for (Country c : ALL) {
            act(DESKS.get(c), "approve-submit", d -> !d.findElement(BrowserSession.testId("participant-" + c))
                    .getAttribute("data-response").isEmpty() || "CONCLUDED".equals(d.findElement(
                    BrowserSession.testId("room-phase")).getAttribute("data-phase")));
        }
        awaitPhase("CONCLUDED");
        for (Country c : ALL) {
            assertTrue(DESKS.get(c).text("room-outcome").contains("AGREED"), c + " sees the outcome");
        }
        jpn.until("the timeline shows the conclusion", d -> jpn.all("timeline-entry").size() >= 9);
        screen(jpn, "consultation-room");
        assertEquals("CONCLUDED", ok(api.get("kr-liaison", stack.url("consultation") + "/api/v1/consultations/"
                + id)).path("phase").asText());
        concludedConsultationId = id;
    }

    /**
     * Presses a room's button and waits for its effect; a refusal caused by a concurrent change (another country or
     * the alert's own events at the same moment) is shown on the form and pressed again, as a person would.
     */
    private static void act(BrowserSession desk, String button, java.util.function.Function<
            org.openqa.selenium.WebDriver, Boolean> done) {
        for (int attempt = 1; ; attempt++) {
            desk.click(button);
            try {
                desk.until(desk + ": " + button + " took effect", Duration.ofSeconds(15), done);
                return;
            } catch (AssertionError e) {
                if (attempt == 3 || !desk.present(button)) {
                    throw e;
                }
            }
        }
    }

    private static void awaitPhase(String phase) {
        for (Country c : ALL) {
            DESKS.get(c).until(c + " sees phase " + phase, d -> phase.equals(d.findElement(
                    BrowserSession.testId("room-phase")).getAttribute("data-phase")));
        }
    }

    @Test
    @Order(30)
    void anAlertReleasableToKorAndUsaOnlyNeverAppearsInTheJapaneseConsole() {
        for (Country c : ALL) {
            desk(c).open(stack.consoleUrl() + "#/board");
            DESKS.get(c).await("board-table");
            awaitLive(DESKS.get(c));
        }
        String id = raise("kr-liaison", "Unidentified submarine near Baengnyeong Island " + RUN, "Severe",
                List.of("KOR", "USA"));
        for (Country c : List.of(Country.KOR, Country.USA)) {
            DESKS.get(c).await(alertRow(id), BrowserSession.WAIT);
        }
        // a second alert, raised once the first was on the KOR and USA boards and releasable to all three: when it
        // is on JPN's board, JPN's stream has had the first for longer than the other two needed
        String after = raise("kr-liaison", "Fishing vessel adrift west of Baengnyeong Island " + RUN, "Moderate",
                List.of("KOR", "USA", "JPN"));
        BrowserSession jpn = DESKS.get(Country.JPN);
        jpn.await(alertRow(after), BrowserSession.WAIT);
        assertFalse(jpn.present(alertRow(id)), "JPN's board never shows it");
        assertFalse(jpn.driver().getPageSource().contains("Unidentified submarine near Baengnyeong Island " + RUN),
                "nor anything of it");
        jpn.open(stack.consoleUrl() + "#/alerts/" + id);
        jpn.await("alert-error");
        assertFalse(jpn.present("alert-headline"), "JPN opening it by id: not found");
        jpn.open(stack.consoleUrl() + "#/board");
        jpn.await("board-table");
        jpn.driver().navigate().refresh();
        awaitShell(jpn);
        jpn.await(alertRow(after), BrowserSession.WAIT); // the board's first page is drawn
        assertFalse(jpn.present(alertRow(id)), "nor after a reload");
    }

    /** Raises an alert as a liaison officer through the API; its id. */
    private static String raise(String liaison, String headline, String severity, List<String> releasableTo) {
        Api.Reply raised = api.post(liaison, stack.url("alert-ingestion") + "/api/v1/alerts", Map.of(
                "type", "MARITIME_INCIDENT", "region", "KOREAN_PENINSULA", "headline", headline,
                "severity", severity, "urgency", "Immediate", "certainty", "Likely", "releasableTo", releasableTo));
        assertEquals(201, raised.status(), raised.body());
        return raised.json().path("id").asText();
    }

    /** Signed reports of one launch from a USA, a KOR and a JPN sensor, as the sensor gateways publish them. */
    private static void publishFusedLaunch(GeoPoint site, GeoPoint impact) {
        SensorSigner signer = SensorSigner.fromJwks(ProjectRoot.dir().resolve(
                "deploy/sensors/local-sensors.private.jwks.json"));
        Properties props = TestKafka.client(KafkaPrincipal.DEMO).properties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        Map<String, Country> sensors = new java.util.LinkedHashMap<>();
        sensors.put("us-tpy2-kyogamisaki", Country.USA);
        sensors.put("kr-greenpine-1", Country.KOR);
        sensors.put("jp-fps5-sado", Country.JPN);
        try (KafkaProducer<String, byte[]> feed = new KafkaProducer<>(props)) {
            double shift = -0.02;
            for (Map.Entry<String, Country> sensor : sensors.entrySet()) {
                MissileLaunchReport report = new MissileLaunchReport("console-" + RUN + "-" + UUID.randomUUID(),
                        sensor.getKey(), sensor.getValue(), Instant.now().truncatedTo(ChronoUnit.MILLIS),
                        new GeoPoint(site.lat() + shift, site.lon() - shift), new GeoPoint(impact.lat() + shift,
                        impact.lon() - shift), 6000.0, 1000.0, 4100, MissileClass.ICBM, 0.9, null,
                        TrafficStatus.ACTUAL);
                shift += 0.02;
                byte[] payload = Json.toBytes(report);
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.FEED_MISSILE_LAUNCH,
                        report.sensorId(), payload);
                record.headers().add(FeedSignature.KAFKA_HEADER, signer.sign(report.sensorId(), payload)
                        .getBytes(StandardCharsets.UTF_8));
                feed.send(record).get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new AssertionError("cannot publish the sensor reports: " + e, e);
        }
    }

    private static String fusedAlert(GeoPoint site, Instant after) {
        JsonNode list = ok(api.get("jp-liaison", stack.url("alert-ingestion")
                + "/api/v1/alerts?type=MISSILE_LAUNCH&limit=50"));
        for (JsonNode a : list.has("items") ? list.path("items") : list.path("alerts")) {
            JsonNode launch = a.path("launch");
            if (Math.abs(launch.path("launchPoint").path("lat").asDouble() - site.lat()) < 0.05
                    && !Instant.parse(a.path("raisedAt").asText()).isBefore(after)
                    && launch.path("sensors").size() == 3) {
                return a.has("id") ? a.path("id").asText() : a.path("alertId").asText();
            }
        }
        return null;
    }

    private static <T> T until(String what, java.util.function.Supplier<T> probe) {
        return org.awaitility.Awaitility.await(what).atMost(BrowserSession.WAIT).pollInterval(Duration.ofMillis(200))
                .until(probe::get, java.util.Objects::nonNull);
    }

    @Test
    @Order(50)
    void theAuditorVerifiesTheChainFiltersOneConsultationReadsItsTimelineAndExportsIt() {
        // the consultation the three liaison officers concluded, else one convened here through the API
        String consultationId = concludedConsultationId != null ? concludedConsultationId : consultationOnRecord();
        int entries = items(ok(api.get("auditor", stack.url("consultation") + "/api/v1/audit/consultations/"
                + consultationId + "?limit=200"))).size();
        assertTrue(entries >= 3, "at least convened and joined twice: " + entries);
        try (BrowserSession auditor = signedIn("trilateral auditor", "auditor")) {
            auditor.await("audit-log");
            auditor.awaitText("audit-count", text -> !text.isBlank() && !text.contains("…"), "the log's first page");
            verifyUntilAVerdict(auditor);
            assertEquals("intact", auditor.attribute("audit-verify-result", "data-state"),
                    auditor.text("audit-verify-result"));
            assertTrue(auditor.text("audit-verdict").contains("intact"), auditor.text("audit-verdict"));
            assertTrue(auditor.present("audit-unanchored"), "what is not yet anchored is said");
            screen(auditor, "audit-log");

            auditor.type("audit-filter-consultation", consultationId).click("audit-filter-apply");
            auditor.until("only the consultation's entries", d -> {
                List<WebElement> rows = auditor.all("audit-entry");
                return rows.size() == entries && rows.stream().allMatch(r -> consultationId.equals(
                        r.getAttribute("data-consultation-id")));
            });
            assertTrue(auditor.currentUrl().contains("consultationId=" + consultationId), "the filter is in the URL");

            String jsonl = auditor.attribute("audit-export-jsonl", "href");
            assertTrue(jsonl.contains("consultationId=" + consultationId), jsonl);
            Map<String, Object> export = auditor.fetch(jsonl);
            assertEquals(200L, ((Number) export.get("status")).longValue(), String.valueOf(export.get("body")));
            assertTrue(String.valueOf(export.get("disposition")).startsWith("attachment"), "a download: "
                    + export.get("disposition"));
            List<String> lines = export.get("body").toString().lines().filter(l -> !l.isBlank()).toList();
            assertEquals(entries, lines.size(), "the JSON Lines export has every entry of the consultation");
            assertTrue(lines.stream().allMatch(l -> l.contains(consultationId)));
            Map<String, Object> csv = auditor.fetch(auditor.attribute("audit-export-csv", "href"));
            assertEquals(200L, ((Number) csv.get("status")).longValue());
            assertTrue(String.valueOf(csv.get("contentType")).startsWith("text/csv"), csv.get("contentType") + "");
            assertEquals(entries + 1, csv.get("body").toString().lines().filter(l -> !l.isBlank()).count(),
                    "a header line and one line per entry");

            auditor.click("audit-entry-consultation");
            auditor.until("the consultation's timeline", d -> auditor.all("audit-timeline-entry").size() == entries);
            assertEquals(consultationId, auditor.text("audit-timeline-id"));
            auditor.awaitText("audit-timeline-summary", s -> s.contains(String.valueOf(entries)), "the summary");
            screen(auditor, "audit-timeline");
        }
    }

    /**
     * The owner of the database alters one entry behind the service's back: the auditor's screen names that entry
     * as the one that breaks the chain, in words; put back, the chain verifies intact again.
     */
    @Test
    @Order(55)
    void anEntryAlteredInTheDatabaseIsNamedAsTheOneThatBreaksTheChain() throws Exception {
        long target;
        String original;
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(
                org.tcc.testsupport.TestPostgres.jdbcUrl("consultation"), "postgres", "postgres");
             java.sql.Statement s = db.createStatement()) {
            try (java.sql.ResultSet rs = s.executeQuery("SELECT seq, subject FROM audit_entry WHERE subject IS NOT NULL"
                    + " ORDER BY seq DESC LIMIT 1")) {
                assertTrue(rs.next(), "an entry to alter");
                target = rs.getLong(1);
                original = rs.getString(2);
            }
            try (BrowserSession auditor = signedIn("trilateral auditor", "auditor")) {
                try {
                    s.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_delete");
                    s.executeUpdate("UPDATE audit_entry SET subject = 'mallory' WHERE seq = " + target);
                    s.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update_delete");
                    verifyUntilAVerdict(auditor);
                    assertEquals("broken", auditor.attribute("audit-verify-result", "data-state"),
                            auditor.text("audit-verify-result"));
                    String broken = auditor.text("audit-first-broken");
                    assertEquals(String.valueOf(target), auditor.attribute("audit-first-broken", "data-seq"), broken);
                    assertTrue(broken.contains("no. " + target) && broken.contains("hash mismatch"), broken);
                    screen(auditor, "audit-verify-broken");
                } finally {
                    s.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_delete");
                    try (java.sql.PreparedStatement restore = db.prepareStatement(
                            "UPDATE audit_entry SET subject = ? WHERE seq = ?")) {
                        restore.setString(1, original);
                        restore.setLong(2, target);
                        restore.executeUpdate();
                    }
                    s.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update_delete");
                }
                verifyUntilAVerdict(auditor);
                assertEquals("intact", auditor.attribute("audit-verify-result", "data-state"),
                        "put back, the chain verifies again");
            }
        }
    }

    /** Verification needs the signed checkpoints from Kafka; right after start-up it may answer 503 once. */
    private static void verifyUntilAVerdict(BrowserSession auditor) {
        org.awaitility.Awaitility.await("a verification verdict").atMost(Duration.ofSeconds(60))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(2)).until(() -> {
                    auditor.click("audit-verify");
                    return auditor.until("a verification result", d -> {
                        String s = d.findElement(BrowserSession.testId("audit-verify-result")).getAttribute("data-state");
                        return "running".equals(s) ? null : s;
                    });
                }, state -> !"unavailable".equals(state));
    }

    /** A consultation of USA and JPN, convened and joined through the API: something on the audit record. */
    private static String consultationOnRecord() {
        Api.Reply convened = api.post("us-liaison", stack.url("consultation") + "/api/v1/consultations", Map.of(
                "subject", "Console audit check " + RUN, "type", "MISSILE_LAUNCH", "region", "SEA_OF_JAPAN",
                "participants", List.of("USA", "JPN")));
        assertEquals(201, convened.status(), convened.body());
        String id = convened.json().path("id").asText();
        for (String who : List.of("us-liaison", "jp-liaison")) {
            Api.Reply joined = api.post(who, stack.url("consultation") + "/api/v1/consultations/" + id + "/join",
                    Map.of());
            assertEquals(200, joined.status(), joined.body());
        }
        return id;
    }

    @Test
    @Order(60)
    void theAdminManagesTheirCountrysDirectoryWithFieldErrorsBesideTheFields() {
        String name = "jp-desk-" + RUN;
        try (BrowserSession admin = signedIn("JPN admin", "jp-admin")) {
            admin.await("admin-recipients");
            admin.until("JPN's seeded recipients", d -> admin.all("admin-recipient").size() >= 3);
            assertTrue(admin.until("the directory's names", d -> d.findElements(BrowserSession.testId(
                    "admin-recipient")).stream().map(r -> r.getAttribute("data-name")).toList()).stream()
                    .allMatch(n -> n.startsWith("jp-")), "only JPN's directory");
            assertTrue(admin.present("admin-country-fixed") && !admin.present("admin-country"),
                    "a country's admin cannot choose another country");
            screen(admin, "admin-directory");

            admin.click("admin-new");
            admin.type("admin-field-name", name).type("admin-field-email", "not-an-address");
            admin.select("admin-field-chainStep", "DUTY_OFFICER");
            admin.click("admin-save");
            admin.await("admin-error-email");
            assertFalse(admin.text("admin-error-email").isBlank());
            assertEquals("true", admin.attribute("admin-field-email", "aria-invalid"));
            assertEquals("admin-error-email", admin.attribute("admin-field-email", "aria-describedby"),
                    "the message is tied to its field");
            screen(admin, "admin-field-errors");

            admin.type("admin-field-email", name + "@tcc.local").click("admin-save");
            admin.await(recipientRow(name), BrowserSession.WAIT);
            assertEquals("DUTY_OFFICER", admin.attribute(recipientRow(name), "data-step"));
            String id = admin.attribute(recipientRow(name), "data-id");
            JsonNode stored = ok(api.get("jp-admin", stack.url("notification") + "/api/v1/recipients/" + id));
            assertEquals(name + "@tcc.local", stored.path("email").asText());

            admin.click(recipientRow(name), "admin-recipient-edit");
            admin.until("the recipient's form filled", d -> name.equals(d.findElement(BrowserSession.testId(
                    "admin-field-name")).getAttribute("value")));
            admin.select("admin-field-chainStep", "SENIOR_OFFICIAL").click("admin-save");
            admin.until("moved to the senior officials", d -> "SENIOR_OFFICIAL".equals(
                    d.findElement(recipientRow(name)).getAttribute("data-step")));

            admin.click("admin-tab-chains");
            List<String> senior = admin.until("the three steps of JPN's chain", d -> {
                List<WebElement> steps = d.findElements(BrowserSession.testId("admin-chain-step"));
                return steps.size() == 3 ? List.of(steps.get(2).getAttribute("data-step"), steps.get(2).getText())
                        : null;
            });
            assertEquals("SENIOR_OFFICIAL", senior.get(0));
            assertTrue(senior.get(1).contains(name), senior.get(1));
            screen(admin, "admin-chains");

            admin.click("admin-tab-directory");
            admin.click(recipientRow(name), "admin-deactivate");
            admin.click("admin-deactivate-confirm");
            admin.until("deactivated and out of the list", d -> admin.all("admin-recipient").stream()
                    .noneMatch(r -> name.equals(r.getAttribute("data-name"))));
            assertFalse(ok(api.get("jp-admin", stack.url("notification") + "/api/v1/recipients/" + id))
                    .path("active").asBoolean(), "deactivated in the directory");
        }
        try (BrowserSession trilateral = signedIn("trilateral admin", "admin")) {
            trilateral.select("admin-country", "KOR");
            trilateral.until("KOR's directory", d -> {
                List<WebElement> rows = trilateral.all("admin-recipient");
                return !rows.isEmpty() && rows.stream().allMatch(r -> r.getAttribute("data-name").startsWith("kr-"));
            });
        }
    }

    private static By recipientRow(String name) {
        return By.cssSelector("[data-testid='admin-recipient'][data-name='" + name + "']");
    }

    @Test
    @Order(90)
    void theLanguageSwitchesAndIsRememberedAfterAReload() {
        try (BrowserSession auditor = signedIn("JPN auditor", "jp-auditor")) {
            String english = auditor.text("nav-audit");
            assertEquals("Audit log", english);
            auditor.select("language-switch", "ko");
            auditor.awaitText("nav-audit", "감사 로그"::equals, "the navigation in Korean");
            assertEquals("ko", auditor.script("return document.documentElement.lang"));
            auditor.awaitText("audit-title", "감사 로그"::equals, "the screen in Korean");
            screen(auditor, "audit-log-ko");
            auditor.driver().navigate().refresh();
            awaitShell(auditor);
            assertEquals("감사 로그", auditor.text("nav-audit"), "remembered after a reload");
            assertEquals("ko", auditor.script("return document.documentElement.lang"));
            auditor.select("language-switch", "ja");
            auditor.awaitText("audit-verify", "チェーンを検証"::equals, "the screen in Japanese");
            assertEquals("ja", auditor.script("return document.documentElement.lang"));
            screen(auditor, "audit-log-ja");
            auditor.driver().navigate().refresh();
            awaitShell(auditor);
            assertEquals("監査ログ", auditor.text("nav-audit"));
            auditor.select("language-switch", "en");
            auditor.awaitText("nav-audit", english::equals, "back in English");
        }
    }

    /** A list's items: the {@code {items, next}} envelope (or a bare array, the form before it). */
    private static JsonNode items(JsonNode list) {
        return list.isArray() ? list : list.path("items");
    }

    private static JsonNode ok(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }
}

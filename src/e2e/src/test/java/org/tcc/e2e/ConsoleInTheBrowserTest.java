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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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

    @BeforeAll
    static void startTheStack() throws IOException {
        Browser.shared();
        stack = ConsoleStack.start();
        api = new Api(TestKeycloak.issuer());
    }

    @AfterAll
    static void stopTheStack() {
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
            liaison.screenshot("sign-in");
            liaison.signInAtKeycloak("jp-liaison");
            awaitShell(liaison);
            assertTrue(liaison.currentUrl().startsWith(stack.consoleUrl()), liaison.currentUrl());
            assertEquals("JPN", liaison.await("session-user").getAttribute("data-country"));
            assertTrue(liaison.present("nav-board"), "a liaison has the board");
            assertFalse(liaison.present("nav-audit") || liaison.present("nav-admin"), "and neither audit nor admin");
            assertNoTokenInThePage(liaison);
        }
        try (BrowserSession auditor = signedIn("auditor", "us-auditor")) {
            assertTrue(auditor.present("nav-audit"));
            assertFalse(auditor.present("nav-board") || auditor.present("nav-admin"));
            assertEquals("audit", auditor.await("screen").getAttribute("data-screen"), "the auditor lands on the log");
            assertNoTokenInThePage(auditor);
        }
        try (BrowserSession admin = signedIn("admin", "kr-admin")) {
            assertTrue(admin.present("nav-admin"));
            assertFalse(admin.present("nav-board") || admin.present("nav-audit"));
            assertEquals("admin", admin.await("screen").getAttribute("data-screen"));
            assertNoTokenInThePage(admin);
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

    @Test
    @Order(50)
    void theAuditorVerifiesTheChainFiltersOneConsultationReadsItsTimelineAndExportsIt() {
        String consultationId = consultationOnRecord();
        int entries = items(ok(api.get("auditor", stack.url("consultation") + "/api/v1/audit/consultations/"
                + consultationId + "?limit=200"))).size();
        assertTrue(entries >= 3, "convened and joined twice: " + entries);
        try (BrowserSession auditor = signedIn("trilateral auditor", "auditor")) {
            auditor.await("audit-log");
            auditor.awaitText("audit-count", text -> !text.isBlank() && !text.contains("…"), "the log's first page");
            verifyUntilAVerdict(auditor);
            WebElement verdict = auditor.await("audit-verify-result");
            assertEquals("intact", verdict.getAttribute("data-state"), verdict.getText());
            assertTrue(auditor.await("audit-verdict").getText().contains("intact"), verdict.getText());
            assertTrue(auditor.present("audit-unanchored"), "what is not yet anchored is said");
            auditor.screenshot("audit-log");

            auditor.type("audit-filter-consultation", consultationId).click("audit-filter-apply");
            auditor.until("only the consultation's entries", d -> {
                List<WebElement> rows = auditor.all("audit-entry");
                return rows.size() == entries && rows.stream().allMatch(r -> r.findElement(
                        BrowserSession.testId("audit-entry-consultation")).getAttribute("title")
                        .equals(consultationId));
            });
            assertTrue(auditor.currentUrl().contains("consultationId=" + consultationId), "the filter is in the URL");

            String jsonl = auditor.await("audit-export-jsonl").getAttribute("href");
            assertTrue(jsonl.contains("consultationId=" + consultationId), jsonl);
            Map<String, Object> export = auditor.fetch(jsonl);
            assertEquals(200L, ((Number) export.get("status")).longValue(), String.valueOf(export.get("body")));
            assertTrue(String.valueOf(export.get("disposition")).startsWith("attachment"), "a download: "
                    + export.get("disposition"));
            List<String> lines = export.get("body").toString().lines().filter(l -> !l.isBlank()).toList();
            assertEquals(entries, lines.size(), "the JSON Lines export has every entry of the consultation");
            assertTrue(lines.stream().allMatch(l -> l.contains(consultationId)));
            Map<String, Object> csv = auditor.fetch(auditor.await("audit-export-csv").getAttribute("href"));
            assertEquals(200L, ((Number) csv.get("status")).longValue());
            assertTrue(String.valueOf(csv.get("contentType")).startsWith("text/csv"), csv.get("contentType") + "");
            assertEquals(entries + 1, csv.get("body").toString().lines().filter(l -> !l.isBlank()).count(),
                    "a header line and one line per entry");

            auditor.all("audit-entry-consultation").get(0).click();
            auditor.until("the consultation's timeline", d -> auditor.all("audit-timeline-entry").size() == entries);
            assertEquals(consultationId, auditor.await("audit-timeline-id").getText());
            auditor.awaitText("audit-timeline-summary", s -> s.contains(String.valueOf(entries)), "the summary");
            auditor.screenshot("audit-timeline");
        }
    }

    /** Verification needs the signed checkpoints from Kafka; right after start-up it may answer 503 once. */
    private static void verifyUntilAVerdict(BrowserSession auditor) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            auditor.click("audit-verify");
            String state = auditor.until("a verification result", d -> {
                String s = auditor.await("audit-verify-result").getAttribute("data-state");
                return "running".equals(s) ? null : s;
            });
            if (!"unavailable".equals(state) || System.nanoTime() > deadline) {
                return;
            }
            sleep(2000);
        }
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
            assertTrue(admin.all("admin-recipient").stream().allMatch(r -> r.getAttribute("data-name")
                    .startsWith("jp-")), "only JPN's directory");
            assertTrue(admin.present("admin-country-fixed") && !admin.present("admin-country"),
                    "a country's admin cannot choose another country");
            admin.screenshot("admin-directory");

            admin.click("admin-new");
            admin.type("admin-field-name", name).type("admin-field-email", "not-an-address");
            admin.select("admin-field-chainStep", "DUTY_OFFICER");
            admin.click("admin-save");
            WebElement emailError = admin.await("admin-error-email");
            assertFalse(emailError.getText().isBlank());
            assertEquals("true", admin.await("admin-field-email").getAttribute("aria-invalid"));
            assertEquals("admin-error-email", admin.await("admin-field-email").getAttribute("aria-describedby"),
                    "the message is tied to its field");
            admin.screenshot("admin-field-errors");

            admin.type("admin-field-email", name + "@tcc.local").click("admin-save");
            WebElement row = rowOf(admin, name);
            assertEquals("DUTY_OFFICER", row.getAttribute("data-step"));
            String id = row.getAttribute("data-id");
            JsonNode stored = ok(api.get("jp-admin", stack.url("notification") + "/api/v1/recipients/" + id));
            assertEquals(name + "@tcc.local", stored.path("email").asText());

            row.findElement(BrowserSession.testId("admin-recipient-edit")).click();
            admin.until("the recipient's form filled", d -> name.equals(admin.await("admin-field-name")
                    .getAttribute("value")));
            admin.select("admin-field-chainStep", "SENIOR_OFFICIAL").click("admin-save");
            admin.until("moved to the senior officials", d -> "SENIOR_OFFICIAL".equals(
                    rowOf(admin, name).getAttribute("data-step")));

            admin.click("admin-tab-chains");
            admin.until("the three steps of JPN's chain", d -> admin.all("admin-chain-step").size() == 3);
            WebElement senior = admin.all("admin-chain-step").get(2);
            assertEquals("SENIOR_OFFICIAL", senior.getAttribute("data-step"));
            assertTrue(senior.getText().contains(name), senior.getText());
            admin.screenshot("admin-chains");

            admin.click("admin-tab-directory");
            rowOf(admin, name).findElement(BrowserSession.testId("admin-deactivate")).click();
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

    private static WebElement rowOf(BrowserSession desk, String name) {
        return desk.until("the directory row of " + name, d -> desk.all("admin-recipient").stream()
                .filter(r -> name.equals(r.getAttribute("data-name"))).findFirst().orElse(null));
    }

    @Test
    @Order(90)
    void theLanguageSwitchesAndIsRememberedAfterAReload() {
        try (BrowserSession auditor = signedIn("JPN auditor", "jp-auditor")) {
            String english = auditor.await("nav-audit").getText();
            assertEquals("Audit log", english);
            auditor.select("language-switch", "ko");
            auditor.awaitText("nav-audit", "감사 로그"::equals, "the navigation in Korean");
            assertEquals("ko", auditor.script("return document.documentElement.lang"));
            auditor.awaitText("audit-title", "감사 로그"::equals, "the screen in Korean");
            auditor.screenshot("audit-log-ko");
            auditor.driver().navigate().refresh();
            awaitShell(auditor);
            assertEquals("감사 로그", auditor.await("nav-audit").getText(), "remembered after a reload");
            assertEquals("ko", auditor.script("return document.documentElement.lang"));
            auditor.select("language-switch", "ja");
            auditor.awaitText("audit-verify", "チェーンを検証"::equals, "the screen in Japanese");
            assertEquals("ja", auditor.script("return document.documentElement.lang"));
            auditor.screenshot("audit-log-ja");
            auditor.driver().navigate().refresh();
            awaitShell(auditor);
            assertEquals("監査ログ", auditor.await("nav-audit").getText());
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

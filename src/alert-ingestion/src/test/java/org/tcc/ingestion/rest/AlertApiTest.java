package org.tcc.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.CloudEvents;
import org.tcc.contracts.Topics;
import org.tcc.ingestion.rest.cap.CapParser;
import org.tcc.testsupport.KafkaProbe;
import org.tcc.testsupport.ProjectRoot;
import org.tcc.testsupport.Tokens;

/** The liaison API with real tokens: releasability, own-country acknowledgement, originator-only changes, CAP. */
@QuarkusTest
class AlertApiTest {

    /** The management interface's root ({@code http://host:port/q}), where the OpenAPI document is served. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL managementRoot;

    private static Map<String, Object> alert(List<String> releasableTo) {
        return Map.of("type", "NUCLEAR_TEST", "region", "KOREAN_PENINSULA", "headline",
                "Seismic event M5.1 at Punggye-ri", "severity", "Severe", "urgency", "Immediate", "certainty",
                "Likely", "area", "Kilju County", "releasableTo", releasableTo);
    }

    private static String raise(String user, List<String> releasableTo) {
        return given().auth().oauth2(Tokens.user(user)).contentType("application/json").body(alert(releasableTo))
                .when().post("/api/v1/alerts")
                .then().statusCode(201).header("Location", containsString("/api/v1/alerts/"))
                .extract().path("alertId");
    }

    @Test
    void raisedAlertIsPublishedAndVisibleToItsCountriesOnly() {
        try (KafkaProbe events = KafkaProbe.fromNow(Topics.ALERTS)) {
            String id = raise("kr-liaison", List.of("KOR", "USA"));
            events.await(r -> id.equals(r.key())
                    && KafkaProbe.header(r, CloudEvents.HEADER_TYPE).equals("org.tcc.alert.AlertRaised.v1"), 1,
                    Duration.ofSeconds(20));
            given().auth().oauth2(Tokens.user("us-liaison")).when().get("/api/v1/alerts/" + id)
                    .then().statusCode(200).body("originCountry", equalTo("KOR"));
            Response missing = given().auth().oauth2(Tokens.user("jp-liaison")).when()
                    .get("/api/v1/alerts/" + UUID.randomUUID());
            Response hidden = given().auth().oauth2(Tokens.user("jp-liaison")).when().get("/api/v1/alerts/" + id);
            assertEquals(404, hidden.statusCode());
            assertEquals(missing.jsonPath().getString("title"), hidden.jsonPath().getString("title"));
            assertEquals(missing.jsonPath().getString("detail").replaceAll("alert \\S+", "alert X"),
                    hidden.jsonPath().getString("detail").replaceAll("alert \\S+", "alert X"),
                    "indistinguishable from a missing alert");
            given().auth().oauth2(Tokens.user("jp-liaison")).when().get("/api/v1/alerts?limit=200")
                    .then().statusCode(200).body("alerts.alertId", not(hasItem(id)));
            given().auth().oauth2(Tokens.user("us-liaison")).when().get("/api/v1/alerts?limit=200&type=NUCLEAR_TEST")
                    .then().statusCode(200).body("alerts.alertId", hasItem(id));
        }
    }

    @Test
    void idempotencyKeyMakesARetriedPostCreateNothingNew() {
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(Tokens.user("jp-liaison")).header("Idempotency-Key", key)
                .contentType("application/json").body(alert(List.of("JPN")))
                .when().post("/api/v1/alerts").then().statusCode(201).extract().path("alertId");
        String retry = given().auth().oauth2(Tokens.user("jp-liaison")).header("Idempotency-Key", key)
                .contentType("application/json").body(alert(List.of("JPN")))
                .when().post("/api/v1/alerts").then().statusCode(200).extract().path("alertId");
        assertEquals(first, retry);
    }

    /**
     * While a request with an Idempotency-Key is in flight (here: a transaction holding the key's claim, as the
     * first request's does until it commits), a second request with the key is a 409, not a race on the insert.
     */
    @Test
    void concurrentRequestWithTheSameIdempotencyKeyIsAConflict() throws Exception {
        String key = UUID.randomUUID().toString();
        java.util.concurrent.CountDownLatch claimed = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<Boolean> holder = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
                    boolean ok = org.tcc.ingestion.repository.IdempotencyKey.claim("jp-liaison", key);
                    claimed.countDown();
                    release.await();
                    return ok;
                }));
        try {
            assertTrue(claimed.await(20, java.util.concurrent.TimeUnit.SECONDS));
            given().auth().oauth2(Tokens.user("jp-liaison")).header("Idempotency-Key", key)
                    .contentType("application/json").body(alert(List.of("JPN")))
                    .when().post("/api/v1/alerts").then().statusCode(409)
                    .contentType("application/problem+json").body("detail", containsString("Idempotency-Key"));
        } finally {
            release.countDown();
        }
        assertTrue(holder.get(20, java.util.concurrent.TimeUnit.SECONDS), "the holder had the claim");
        String first = given().auth().oauth2(Tokens.user("jp-liaison")).header("Idempotency-Key", key)
                .contentType("application/json").body(alert(List.of("JPN")))
                .when().post("/api/v1/alerts").then().statusCode(201).extract().path("alertId");
        given().auth().oauth2(Tokens.user("jp-liaison")).header("Idempotency-Key", key)
                .contentType("application/json").body(alert(List.of("JPN")))
                .when().post("/api/v1/alerts").then().statusCode(200).body("alertId", equalTo(first));
    }

    @Test
    void acknowledgementIsForTheCallersOwnCountryOnceAndShowsOnTheAlert() {
        String id = raise("us-liaison", List.of("USA", "KOR"));
        given().auth().oauth2(Tokens.user("kr-liaison")).when().post("/api/v1/alerts/" + id + "/acknowledgements")
                .then().statusCode(201).body("acknowledgements.country", equalTo(List.of("KOR")))
                .body("acknowledgements[0].subject", equalTo("kr-liaison"));
        given().auth().oauth2(Tokens.user("kr-duty")).when().post("/api/v1/alerts/" + id + "/acknowledgements")
                .then().statusCode(200).body("acknowledgements", hasSize(1));
        given().auth().oauth2(Tokens.user("jp-liaison")).when().post("/api/v1/alerts/" + id + "/acknowledgements")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.client("feed-kor")).when().post("/api/v1/alerts/" + id + "/acknowledgements")
                .then().statusCode(403);
    }

    @Test
    void threeCountriesAcknowledgingAtTheSameMomentAllSucceed() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = raise("us-liaison", List.of("USA", "KOR", "JPN"));
            List<String> liaisons = List.of("us-liaison", "kr-liaison", "jp-liaison");
            List<String> tokens = liaisons.stream().map(Tokens::user).toList();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.CompletableFuture<Integer>> acks = tokens.stream()
                    .map(token -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return given().auth().oauth2(token).when().post("/api/v1/alerts/" + id + "/acknowledgements")
                                .then().extract().statusCode();
                    })).toList();
            start.countDown();
            // a lost optimistic-lock race is judged again on the new version, not a 500
            assertEquals(List.of(201, 201, 201), acks.stream().map(java.util.concurrent.CompletableFuture::join)
                    .toList());
            given().auth().oauth2(Tokens.user("kr-liaison")).when().get("/api/v1/alerts/" + id).then()
                    .statusCode(200).body("acknowledgements", hasSize(3));
        }
    }

    @Test
    void rolesAreEnforcedWithRealTokens() {
        given().auth().oauth2(Tokens.user("auditor")).contentType("application/json").body(alert(List.of("USA")))
                .when().post("/api/v1/alerts").then().statusCode(403);
        given().contentType("application/json").body(alert(List.of("USA")))
                .when().post("/api/v1/alerts").then().statusCode(401);
        given().auth().oauth2(Tokens.client("feed-usa")).contentType("application/json").body(alert(List.of("USA")))
                .when().post("/api/v1/alerts").then().statusCode(403);
    }

    @Test
    void onlyTheOriginatorUpdatesAndCancelsAndTheCancellationIsPublished() {
        String id = raise("jp-liaison", List.of("JPN", "USA", "KOR"));
        given().auth().oauth2(Tokens.user("us-liaison")).contentType("application/json")
                .body(Map.of("severity", "Extreme")).when().patch("/api/v1/alerts/" + id).then().statusCode(403);
        given().auth().oauth2(Tokens.user("jp-liaison")).contentType("application/json")
                .body(Map.of("severity", "Extreme", "reason", "yield estimate raised"))
                .when().patch("/api/v1/alerts/" + id).then().statusCode(200).body("severity", equalTo("Extreme"));
        try (KafkaProbe events = KafkaProbe.fromNow(Topics.ALERTS)) {
            given().auth().oauth2(Tokens.user("jp-liaison")).contentType("application/json")
                    .body(Map.of("reason", "false alarm")).when().post("/api/v1/alerts/" + id + "/cancellation")
                    .then().statusCode(200).body("lifecycle", equalTo("CANCELLED"));
            events.await(r -> id.equals(r.key())
                    && KafkaProbe.header(r, CloudEvents.HEADER_TYPE).equals("org.tcc.alert.AlertCancelled.v1"), 1,
                    Duration.ofSeconds(20));
        }
        given().auth().oauth2(Tokens.user("jp-liaison")).contentType("application/json")
                .body(Map.of("reason", "again")).when().post("/api/v1/alerts/" + id + "/cancellation")
                .then().statusCode(409).body("currentState", equalTo("CANCELLED"));
    }

    @Test
    void invalidBodiesAre422NamingTheField() {
        Map<String, Object> body = new java.util.HashMap<>(alert(List.of("JPN")));
        body.remove("headline");
        given().auth().oauth2(Tokens.user("jp-liaison")).contentType("application/json").body(body)
                .when().post("/api/v1/alerts").then().statusCode(422)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("headline"));
        body.put("headline", "x");
        body.put("region", "ATLANTIS");
        given().auth().oauth2(Tokens.user("jp-liaison")).contentType("application/json").body(body)
                .when().post("/api/v1/alerts").then().statusCode(422).body("errors.field", hasItem("region"));
        given().auth().oauth2(Tokens.user("jp-liaison")).contentType("application/json").body(alert(List.of("USA")))
                .when().post("/api/v1/alerts").then().statusCode(422).body("errors.field", hasItem("releasableTo"));
        given().auth().oauth2(Tokens.user("jp-liaison")).contentType("application/json").body("{")
                .when().post("/api/v1/alerts").then().statusCode(400);
    }

    @Test
    void capFixturesAreAcceptedOrRefusedAsTheyShouldBe() throws Exception {
        Path fixtures = ProjectRoot.dir().resolve("src/alert-ingestion/src/test/resources/cap");
        for (String accepted : List.of("oasis-appendix-a1-homeland-security.xml", "oasis-appendix-a2-thunderstorm.xml",
                "tcc-restricted-rel-to.xml")) {
            given().auth().oauth2(Tokens.user("us-liaison")).contentType("application/cap+xml")
                    .body(Files.readAllBytes(fixtures.resolve(accepted)))
                    .when().post("/api/v1/alerts").then().statusCode(201).body("originCountry", equalTo("USA"));
        }
        // an Update of a message TCC never saw is not raised as a new alert
        given().auth().oauth2(Tokens.user("us-liaison")).contentType("application/cap+xml")
                .body(Files.readAllBytes(fixtures.resolve("oasis-appendix-a3-earthquake-update.xml")))
                .when().post("/api/v1/alerts").then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("references"));
        for (String[] refused : List.of(new String[] {"invalid-missing-scope.xml", "scope"},
                new String[] {"invalid-free-text-restriction.xml", "restriction"},
                new String[] {"invalid-open-polygon.xml", "info.area.polygon"})) {
            given().auth().oauth2(Tokens.user("us-liaison")).contentType("application/cap+xml")
                    .body(Files.readAllBytes(fixtures.resolve(refused[0])))
                    .when().post("/api/v1/alerts").then().statusCode(422)
                    .contentType(startsWith("application/problem+json")).body("errors.field", hasItem(refused[1]));
        }
        given().auth().oauth2(Tokens.user("us-liaison")).contentType("application/xml")
                .body(Files.readAllBytes(fixtures.resolve("attack-xxe-xinclude.xml")))
                .when().post("/api/v1/alerts").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    private static final String CAP_HEAD = "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">";

    private static String cap(String identifier, String msgType, String scope, String references, String info) {
        return CAP_HEAD + "<identifier>" + identifier + "</identifier><sender>duty@tcc.example</sender>"
                + "<sent>2026-11-29T10:00:00+09:00</sent><status>Exercise</status><msgType>" + msgType + "</msgType>"
                + scope + (references == null ? "" : "<references>" + references + "</references>") + info
                + "</alert>";
    }

    private static String info(String headline, String severity, String extra) {
        return "<info><category>Security</category><event>Ballistic missile launch</event><urgency>Immediate</urgency>"
                + "<severity>" + severity + "</severity><certainty>Observed</certainty><headline>" + headline
                + "</headline>" + extra + "</info>";
    }

    private static Response postCap(String user, String document) {
        return given().auth().oauth2(Tokens.user(user)).contentType("application/cap+xml")
                .body(document.getBytes(java.nio.charset.StandardCharsets.UTF_8)).when().post("/api/v1/alerts");
    }

    @Test
    void capReleasabilityFailsClosed() {
        String marker = "Free-text restriction " + UUID.randomUUID();
        // "USA only; not for KOR or JPN" used to be read word by word and released to all three countries
        postCap("us-liaison", cap("m-" + UUID.randomUUID(), "Alert",
                "<scope>Restricted</scope><restriction>USA only; not for KOR or JPN</restriction>", null,
                info(marker, "Severe", ""))).then().statusCode(422)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("restriction"))
                .body("detail", containsString("REL TO"));
        for (String user : List.of("us-liaison", "kr-liaison", "jp-liaison")) {
            given().auth().oauth2(Tokens.user(user)).when().get("/api/v1/alerts?limit=200").then().statusCode(200)
                    .body("alerts.headline", not(hasItem(marker)));
        }
        String id = postCap("us-liaison", cap("m-" + UUID.randomUUID(), "Alert",
                "<scope>Restricted</scope><restriction>REL TO USA, KOR</restriction>", null,
                info("Releasable to the United States and Korea", "Severe", ""))).then().statusCode(201)
                .body("releasableTo", equalTo(List.of("USA", "KOR"))).extract().path("alertId");
        given().auth().oauth2(Tokens.user("jp-liaison")).when().get("/api/v1/alerts/" + id).then().statusCode(404);
        postCap("us-liaison", cap("m-" + UUID.randomUUID(), "Alert",
                "<scope>Restricted</scope><restriction>REL TO KOR</restriction>", null,
                info("Not releasable to the raising country", "Severe", ""))).then().statusCode(422)
                .body("errors.field", hasItem("restriction"));
        postCap("us-liaison", cap("m-" + UUID.randomUUID(), "Alert",
                "<scope>Public</scope><restriction>REL TO USA</restriction>", null,
                info("Restriction on a public message", "Severe", ""))).then().statusCode(422)
                .body("errors.field", hasItem("restriction"));
    }

    @Test
    void capUpdateAndCancelMustReferenceAnAlertTheCallerMaySee() {
        String id = raise("kr-liaison", List.of("KOR"));
        String scope = "<scope>Restricted</scope><restriction>REL TO KOR</restriction>";
        postCap("kr-liaison", cap("u-" + UUID.randomUUID(), "Update", scope, null, info("x", "Extreme", "")))
                .then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("references"));
        postCap("kr-liaison", cap("u-" + UUID.randomUUID(), "Update", scope, id, info("x", "Extreme", "")))
                .then().statusCode(422).body("errors.field", hasItem("references"));
        Response unknown = postCap("kr-liaison", cap("u-" + UUID.randomUUID(), "Update", scope,
                "tcc-kor@tcc.example," + UUID.randomUUID() + ",2026-11-29T01:00:00-00:00", info("x", "Extreme", "")));
        assertEquals(404, unknown.statusCode());
        assertEquals("references", unknown.jsonPath().getString("errors[0].field"));
        // Japan may not see a KOR-only alert: exactly the same answer as for one that does not exist
        Response hidden = postCap("jp-liaison", cap("u-" + UUID.randomUUID(), "Update",
                "<scope>Restricted</scope><restriction>REL TO JPN</restriction>",
                "tcc-kor@tcc.example," + id + ",2026-11-29T01:00:00-00:00", info("x", "Extreme", "")));
        assertEquals(404, hidden.statusCode());
        assertEquals(unknown.jsonPath().getString("detail").replace("KOR", "X"),
                hidden.jsonPath().getString("detail").replace("JPN", "X"));
        given().auth().oauth2(Tokens.user("kr-liaison")).when().get("/api/v1/alerts/" + id).then()
                .body("severity", equalTo("Severe"));
        // the identifier of an exported Update (id.version) references the alert too
        postCap("kr-liaison", cap("u-" + UUID.randomUUID(), "Update", scope,
                "tcc-kor@tcc.example," + id + ".0,2026-11-29T01:00:00-00:00",
                info("Yield estimate raised", "Extreme", ""))).then().statusCode(200)
                .body("alertId", equalTo(id)).body("severity", equalTo("Extreme"))
                .body("headline", equalTo("Yield estimate raised"));
        // releasability only widens, also through CAP, and the error names the CAP field
        String wide = raise("kr-liaison", List.of("KOR", "USA"));
        postCap("kr-liaison", cap("u-" + UUID.randomUUID(), "Update", scope,
                "tcc-kor@tcc.example," + wide + ",2026-11-29T01:00:00-00:00", info("Narrowed", "Extreme", "")))
                .then().statusCode(422).body("errors.field", hasItem("restriction"));
    }

    @Test
    void capTextOverTheLimitsIs422NotA500AndWritesNothing() {
        String marker = "m-" + UUID.randomUUID();
        postCap("jp-liaison", cap(marker, "Alert", "<scope>Public</scope>", null,
                info("Launch", "Severe", "<description>" + "d".repeat(4001) + "</description>")))
                .then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("info.description"));
        postCap("jp-liaison", cap(marker, "Alert", "<scope>Public</scope>", null,
                info("h".repeat(161), "Severe", ""))).then().statusCode(422)
                .body("errors.field", hasItem("info.headline"));
        postCap("jp-liaison", cap(marker, "Alert", "<scope>Public</scope>", null,
                info("Launch", "Severe", "<area><areaDesc>" + "a".repeat(1001) + "</areaDesc></area>")))
                .then().statusCode(422).body("errors.field", hasItem("info.area.areaDesc"));
        postCap("jp-liaison", cap(marker, "Alert", "<scope>Public</scope>", null,
                info("Launch", "Severe", "<area><areaDesc>Sea</areaDesc><polygon>40,138 41,139 40,139</polygon>"
                        + "</area>"))).then().statusCode(422).body("errors.field", hasItem("info.area.polygon"));
        // the limits are the limits: exactly 4000 characters of description are stored
        postCap("jp-liaison", cap(marker, "Alert", "<scope>Public</scope>", null,
                info("Launch", "Severe", "<description>" + "d".repeat(4000) + "</description>")))
                .then().statusCode(201);
    }

    @Test
    void alertExportsAsValidRestrictedCap12InThreeLanguagesThatParsesBack() {
        String id = raise("kr-liaison", List.of("KOR", "USA"));
        String cap = given().auth().oauth2(Tokens.user("us-liaison")).accept("application/cap+xml")
                .when().get("/api/v1/alerts/" + id)
                .then().statusCode(200).contentType(startsWith("application/cap+xml")).extract().asString();
        assertEquals(List.of(), org.tcc.ingestion.rest.cap.Cap12Schema.violations(cap), cap);
        assertTrue(cap.contains("<scope>Restricted</scope>"), cap);
        assertTrue(cap.contains("<restriction>REL TO USA, KOR</restriction>"), cap);
        assertTrue(cap.contains("<language>ko-KR</language>") && cap.contains("핵실험")
                && cap.contains("<language>ja-JP</language>") && cap.contains("核実験"), cap);
        assertEquals(id, CapParser.parse(cap.getBytes(java.nio.charset.StandardCharsets.UTF_8)).identifier());
    }

    @Test
    void capUpdateAndCancelReferencingAnAlertChangeIt() {
        String id = raise("kr-liaison", List.of("KOR"));
        String cancel = "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>c-" + id + "</identifier>"
                + "<sender>kr@tcc.example</sender><sent>2026-11-29T10:00:00+09:00</sent><status>Actual</status>"
                + "<msgType>Cancel</msgType><scope>Restricted</scope><restriction>REL TO KOR</restriction>"
                + "<references>tcc-kor@tcc.example," + id + ",2026-11-29T09:59:00+09:00</references></alert>";
        given().auth().oauth2(Tokens.user("kr-liaison")).contentType("application/cap+xml").body(cancel)
                .when().post("/api/v1/alerts").then().statusCode(200).body("lifecycle", equalTo("CANCELLED"));
        String export = given().auth().oauth2(Tokens.user("kr-liaison")).accept("application/cap+xml")
                .when().get("/api/v1/alerts/" + id).then().statusCode(200).extract().asString();
        assertTrue(export.contains("<msgType>Cancel</msgType>"), export);
        assertEquals(List.of(), org.tcc.ingestion.rest.cap.Cap12Schema.violations(export), export);
    }

    // query parameters: strict, 400 naming the parameter; status is the traffic status, lifecycle the lifecycle

    private static String raiseWithStatus(String user, String status) {
        Map<String, Object> body = new java.util.HashMap<>(alert(List.of("JPN")));
        body.put("status", status);
        return given().auth().oauth2(Tokens.user(user)).contentType("application/json").body(body)
                .when().post("/api/v1/alerts").then().statusCode(201).extract().path("alertId");
    }

    @Test
    void statusFiltersTheTrafficStatusAndLifecycleTheLifecycle() {
        String exercise = raiseWithStatus("jp-liaison", "EXERCISE");
        String actual = raiseWithStatus("jp-liaison", "ACTUAL");
        given().auth().oauth2(Tokens.user("jp-liaison")).contentType("application/json")
                .body(Map.of("reason", "drill over")).when().post("/api/v1/alerts/" + exercise + "/cancellation")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.user("jp-liaison")).when().get("/api/v1/alerts?status=EXERCISE&limit=200")
                .then().statusCode(200).body("alerts.alertId", hasItem(exercise))
                .body("alerts.alertId", not(hasItem(actual))).body("alerts.status", not(hasItem("ACTUAL")));
        given().auth().oauth2(Tokens.user("jp-liaison")).when().get("/api/v1/alerts?status=ACTUAL&limit=200")
                .then().statusCode(200).body("alerts.alertId", hasItem(actual))
                .body("alerts.alertId", not(hasItem(exercise)));
        given().auth().oauth2(Tokens.user("jp-liaison")).when().get("/api/v1/alerts?lifecycle=CANCELLED&limit=200")
                .then().statusCode(200).body("alerts.alertId", hasItem(exercise))
                .body("alerts.alertId", not(hasItem(actual))).body("alerts.lifecycle", not(hasItem("ACTIVE")));
        given().auth().oauth2(Tokens.user("jp-liaison")).when()
                .get("/api/v1/alerts?lifecycle=ACTIVE&status=ACTUAL&type=NUCLEAR_TEST&region=KOREAN_PENINSULA"
                        + "&since=2020-01-01T00:00:00Z&limit=200")
                .then().statusCode(200).body("alerts.alertId", hasItem(actual))
                .body("alerts.alertId", not(hasItem(exercise)));
    }

    @Test
    void anUnknownOrMalformedQueryParameterIs400NamingIt() {
        String[][] cases = {
                {"status=ACTIVE", "status"}, {"status=EXERCISES", "status"}, {"status=exercise", "status"},
                {"lifecycle=OPEN", "lifecycle"}, {"type=MISSILE", "type"}, {"region=ATLANTIS", "region"},
                {"since=yesterday", "since"}, {"cursor=not-a-cursor", "cursor"}, {"limit=abc", "limit"},
                {"limit=0", "limit"}, {"limit=201", "limit"}, {"lifecylce=ACTIVE", "lifecylce"},
                {"status=ACTUAL&status=TEST", "status"}};
        for (String[] c : cases) {
            given().auth().oauth2(Tokens.user("us-liaison")).when().get("/api/v1/alerts?" + c[0])
                    .then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(400)).body("errors.field", equalTo(List.of(c[1])))
                    .body("detail", startsWith(c[1] + ": "));
        }
        // a client still using status for the lifecycle is told where the filter went
        given().auth().oauth2(Tokens.user("us-liaison")).when().get("/api/v1/alerts?status=ACTIVE")
                .then().statusCode(400).body("detail", containsString("lifecycle=ACTIVE"));
    }

    @Test
    void theOpenApiDocumentDescribesTheListParameters() {
        String openapi = given().when().get("http://" + managementRoot.getHost() + ":" + managementRoot.getPort()
                + "/q/openapi?format=json").then().statusCode(200).extract().asString();
        io.restassured.path.json.JsonPath doc = new io.restassured.path.json.JsonPath(openapi);
        List<String> names = doc.getList("paths.'/api/v1/alerts'.get.parameters.name");
        assertTrue(names.containsAll(List.of("lifecycle", "status", "type", "region", "since", "cursor", "limit")),
                names.toString());
        List<Map<String, Object>> parameters = doc.getList("paths.'/api/v1/alerts'.get.parameters");
        Map<String, Object> status = parameters.stream().filter(p -> "status".equals(p.get("name"))).findFirst()
                .orElseThrow();
        assertTrue(String.valueOf(status.get("schema")).contains("EXERCISE"), status.toString());
        assertTrue(doc.getString("paths.'/api/v1/alerts'.get.description").contains("lifecycle"));
        // an alert is its id and the contract's AlertState, flattened (not nested under "alert")
        Map<String, Object> alert = doc.getMap("components.schemas.Alert.properties");
        assertTrue(alert.keySet().containsAll(List.of("id", "alertId", "headline", "releasableTo")), alert.keySet()
                .toString());
        assertTrue(!alert.containsKey("alert"), alert.keySet().toString());
        assertEquals("#/components/schemas/Alert", doc.getString("components.schemas.AlertPage.properties.items"
                + ".items.'$ref'"));
    }
}

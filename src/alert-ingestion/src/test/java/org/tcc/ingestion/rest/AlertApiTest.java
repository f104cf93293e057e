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
                "oasis-appendix-a3-earthquake-update.xml")) {
            given().auth().oauth2(Tokens.user("us-liaison")).contentType("application/cap+xml")
                    .body(Files.readAllBytes(fixtures.resolve(accepted)))
                    .when().post("/api/v1/alerts").then().statusCode(201).body("originCountry", equalTo("USA"));
        }
        given().auth().oauth2(Tokens.user("us-liaison")).contentType("application/cap+xml")
                .body(Files.readAllBytes(fixtures.resolve("invalid-missing-scope.xml")))
                .when().post("/api/v1/alerts").then().statusCode(422).body("errors.field", hasItem("scope"));
        given().auth().oauth2(Tokens.user("us-liaison")).contentType("application/xml")
                .body(Files.readAllBytes(fixtures.resolve("attack-xxe-xinclude.xml")))
                .when().post("/api/v1/alerts").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void alertExportsAsRestrictedCap12ThatParsesBack() {
        String id = raise("kr-liaison", List.of("KOR", "USA"));
        String cap = given().auth().oauth2(Tokens.user("us-liaison")).accept("application/cap+xml")
                .when().get("/api/v1/alerts/" + id)
                .then().statusCode(200).contentType(startsWith("application/cap+xml")).extract().asString();
        assertTrue(cap.contains("<scope>Restricted</scope>"), cap);
        assertTrue(cap.contains("<restriction>Releasable to USA, KOR only"), cap);
        assertEquals(id, CapParser.parse(cap.getBytes(java.nio.charset.StandardCharsets.UTF_8)).identifier());
    }

    @Test
    void capUpdateAndCancelReferencingAnAlertChangeIt() {
        String id = raise("kr-liaison", List.of("KOR"));
        String cancel = "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>c-" + id + "</identifier>"
                + "<sender>kr@tcc.example</sender><sent>2026-11-29T10:00:00+09:00</sent><status>Actual</status>"
                + "<msgType>Cancel</msgType><scope>Restricted</scope><restriction>KOR</restriction>"
                + "<references>tcc-kor@tcc.example," + id + ",2026-11-29T09:59:00+09:00</references></alert>";
        given().auth().oauth2(Tokens.user("kr-liaison")).contentType("application/cap+xml").body(cancel)
                .when().post("/api/v1/alerts").then().statusCode(200).body("lifecycle", equalTo("CANCELLED"));
    }
}

package org.tcc.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tcc.kit.rest.Cursor;
import org.tcc.testsupport.Tokens;

/**
 * The alert list in the API convention, over HTTP with real tokens: the envelope {items, next}, each alert's own
 * {@code id}, keyset pages with cursor and limit, forged cursors and out-of-range limits as 400 invalid-query, and the
 * deprecated {@code alerts} field still answered, announced by {@code Deprecation: true}.
 */
@QuarkusTest
class AlertListTest {

    private static String raise(String headline) {
        return given().auth().oauth2(Tokens.user("kr-liaison")).contentType("application/json")
                .body(Map.of("type", "AIRSPACE_VIOLATION", "region", "SEA_OF_JAPAN", "headline", headline,
                        "severity", "Moderate", "urgency", "Expected", "certainty", "Likely", "area", "KADIZ",
                        "releasableTo", List.of("KOR", "USA")))
                .when().post("/api/v1/alerts").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void alertsPageNewestFirstWithoutGapsOrRepeats() {
        String since = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1).toString();
        List<String> raised = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            raised.add(raise("Paging " + i));
        }
        List<String> read = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = given().auth().oauth2(Tokens.user("us-liaison")).queryParam("since", since)
                    .queryParam("type", "AIRSPACE_VIOLATION").queryParam("limit", 1)
                    .queryParam("cursor", cursor == null ? "" : cursor).get("/api/v1/alerts")
                    .then().statusCode(200).header("Deprecation", equalTo("true")).extract().jsonPath();
            List<String> ids = page.getList("items.id");
            assertTrue(ids.size() <= 1);
            assertEquals(ids, page.getList("alerts.alertId"), "the deprecated alerts field repeats items");
            assertEquals(ids, page.getList("items.alertId"), "alertId stays beside id for this version");
            read.addAll(ids);
            cursor = page.getString("next");
        } while (cursor != null);
        assertEquals(read.size(), new HashSet<>(read).size(), "no alert on two pages");
        assertTrue(read.containsAll(raised), read + " holds " + raised);
        assertTrue(read.indexOf(raised.get(2)) < read.indexOf(raised.get(0)), "newest first");
    }

    @Test
    void aForgedCursorOrAnOutOfRangeLimitIsAnInvalidQuery() {
        String otherList = Cursor.encode("consultations", Instant.now(), java.util.UUID.randomUUID());
        String wrongKeys = Cursor.encode(AlertResource.LIST, "yesterday", "someone");
        for (String forged : List.of("%%%", "AAAA", otherList, wrongKeys)) {
            given().auth().oauth2(Tokens.user("us-liaison")).queryParam("cursor", forged).get("/api/v1/alerts")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:tcc:problem:invalid-query"))
                    .body("title", equalTo("Invalid query parameter"))
                    .body("errors[0].field", equalTo("cursor"));
        }
        for (String limit : List.of("0", "201", "many")) {
            given().auth().oauth2(Tokens.user("us-liaison")).queryParam("limit", limit).get("/api/v1/alerts")
                    .then().statusCode(400).body("type", equalTo("urn:tcc:problem:invalid-query"))
                    .body("errors[0].field", equalTo("limit"));
        }
        given().auth().oauth2(Tokens.user("us-liaison")).queryParam("limit", 200).get("/api/v1/alerts")
                .then().statusCode(200);
    }

    @Test
    void problemsNameTheirKind() {
        String id = raise("Kinds of problems");
        given().auth().oauth2(Tokens.user("kr-liaison")).contentType("application/json")
                .body(Map.of("reason", "false track")).post("/api/v1/alerts/" + id + "/cancellation")
                .then().statusCode(200).body("id", equalTo(id)).body("alertId", equalTo(id));
        given().auth().oauth2(Tokens.user("kr-liaison")).contentType("application/json")
                .body(Map.of("reason", "again")).post("/api/v1/alerts/" + id + "/cancellation")
                .then().statusCode(409).body("type", equalTo("urn:tcc:problem:not-active"))
                .body("currentState", equalTo("CANCELLED"));
        given().auth().oauth2(Tokens.user("jp-liaison")).get("/api/v1/alerts/" + id)
                .then().statusCode(404).body("type", equalTo("urn:tcc:problem:not-found"));
        given().auth().oauth2(Tokens.user("kr-liaison")).contentType("application/json").body("{\"headline\":")
                .post("/api/v1/alerts").then().statusCode(400).body("type", equalTo("urn:tcc:problem:malformed-body"));
        given().auth().oauth2(Tokens.user("kr-liaison")).contentType("application/json")
                .body(Map.of("type", "OTHER")).post("/api/v1/alerts")
                .then().statusCode(422).body("type", equalTo("urn:tcc:problem:validation"));
        given().auth().oauth2(Tokens.user("kr-liaison")).contentType("text/plain").body("hello")
                .post("/api/v1/alerts").then().statusCode(415)
                .body("type", equalTo("urn:tcc:problem:unsupported-media-type"));
        given().auth().oauth2(Tokens.user("us-liaison")).accept("image/png").get("/api/v1/alerts/" + id)
                .then().statusCode(406).body("type", equalTo("urn:tcc:problem:not-acceptable"));
    }
}

package org.tcc.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.tcc.ingestion.messaging.SignedReports;
import org.tcc.testsupport.KafkaProbe;
import org.tcc.testsupport.Tokens;

/**
 * An alert's version history through the API, against the real broker, database and Keycloak: a sensor alert
 * raised and refined through the Kafka feed, acknowledged by two countries and cancelled lists each version, newest
 * first, saying who changed what; the history is as hidden as the alert; the query is read strictly. The launch
 * site (Sea of Okhotsk) lies far from the other tests'.
 */
@QuarkusTest
class AlertVersionsApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static AlertState alert(ConsumerRecord<String, byte[]> record) {
        String type = KafkaProbe.header(record, CloudEvents.HEADER_TYPE);
        return type.contains("AlertRaised") ? Json.read(record.value(), AlertRaised.class).alert()
                : Json.read(record.value(), AlertUpdated.class).alert();
    }

    private static boolean fromOkhotsk(ConsumerRecord<String, byte[]> record) {
        AlertState a = alert(record);
        return a.launch() != null && Math.abs(a.launch().launchPoint().lat() - 47.5) < 0.2
                && Math.abs(a.launch().launchPoint().lon() - 146.5) < 0.2;
    }

    private static JsonPath versions(String user, String alertId, String query) {
        return given().auth().oauth2(Tokens.user(user)).when()
                .get("/api/v1/alerts/" + alertId + "/versions" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void raisedRefinedTwiceAcknowledgedAndCancelledListsEveryVersionNewestFirstWithWhoChangedWhat() {
        GeoPoint impact = new GeoPoint(40.9, 138.6);
        String id;
        try (KafkaProbe events = KafkaProbe.fromNow(Topics.ALERTS)) {
            SignedReports.publish(SignedReports.report("kr-greenpine-1", Country.KOR, new GeoPoint(47.5, 146.5),
                    impact));
            id = events.await(AlertVersionsApiTest::fromOkhotsk, 1, WAIT).get(0).key();
            SignedReports.publish(SignedReports.report("us-tpy2-kyogamisaki", Country.USA,
                    new GeoPoint(47.52, 146.53), new GeoPoint(40.8, 138.5)));
            String alertId = id;
            events.await(r -> alertId.equals(r.key()) && alert(r).launch().sensors().size() == 2, 1, WAIT);
        }
        given().auth().oauth2(Tokens.user("kr-liaison")).when().post("/api/v1/alerts/" + id + "/acknowledgements")
                .then().statusCode(201);
        given().auth().oauth2(Tokens.user("jp-liaison")).when().post("/api/v1/alerts/" + id + "/acknowledgements")
                .then().statusCode(201);
        given().auth().oauth2(Tokens.user("kr-liaison")).contentType("application/json")
                .body(Map.of("reason", "radar artefact, no launch")).when()
                .post("/api/v1/alerts/" + id + "/cancellation").then().statusCode(200);
        JsonPath current = given().auth().oauth2(Tokens.user("us-liaison")).when().get("/api/v1/alerts/" + id)
                .then().statusCode(200).extract().jsonPath();

        JsonPath page = versions("us-liaison", id, "");
        assertEquals(List.of(4, 3, 2, 1, 0), page.getList("items.version"));
        assertEquals(List.of("CANCELLED", "ACKNOWLEDGED", "ACKNOWLEDGED", "UPDATED", "RAISED"),
                page.getList("items.change"));
        assertNull(page.get("next"), "one page");
        assertEquals(id + ".4", page.getString("items[0].id"));
        assertEquals(id, page.getString("items[0].alertId"));
        // the cancellation: by KOR's liaison, with its reason, the alert now CANCELLED
        assertEquals("KOR", page.getString("items[0].who.country"));
        assertEquals("kr-liaison", page.getString("items[0].who.subject"));
        assertEquals("radar artefact, no launch", page.getString("items[0].reason"));
        assertEquals("CANCELLED", page.getString("items[0].lifecycle"));
        assertEquals(current.getString("updatedAt"), page.getString("items[0].changedAt"));
        assertEquals(current.getString("headline"), page.getString("items[0].headline"));
        assertEquals(current.getList("affectedCountries"), page.getList("items[0].affectedCountries"));
        // the two acknowledgements, each by its country
        assertEquals("JPN", page.getString("items[1].who.country"));
        assertEquals("jp-liaison", page.getString("items[1].who.subject"));
        assertEquals("KOR", page.getString("items[2].who.country"));
        assertEquals("ACTIVE", page.getString("items[2].lifecycle"));
        // the refinement by the second sensor, and the raise by the first
        assertEquals(List.of("us-tpy2-kyogamisaki"), page.getList("items[3].who.sensors"));
        assertNotNull(page.getList("items[3].changedFields"));
        assertEquals(List.of("kr-greenpine-1"), page.getList("items[4].who.sensors"));
        assertEquals("KOR", page.getString("items[4].who.country"));

        // two at a time: the same versions in three pages, following `next`
        List<Object> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath p = versions("kr-liaison", id, "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            paged.addAll(p.getList("items.version"));
            cursor = p.getString("next");
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(List.of(4, 3, 2, 1, 0), paged);
    }

    @Test
    void theVersionsOfAnAlertNotReleasableToTheCallerAreNotFoundExactlyLikeTheAlert() {
        String id = given().auth().oauth2(Tokens.user("kr-liaison")).contentType("application/json")
                .body(Map.of("type", "NUCLEAR_TEST", "region", "KOREAN_PENINSULA", "headline",
                        "Seismic event M4.2 at Punggye-ri", "severity", "Severe", "urgency", "Immediate",
                        "certainty", "Likely", "area", "Kilju County", "releasableTo", List.of("KOR", "USA")))
                .when().post("/api/v1/alerts").then().statusCode(201).extract().path("id");
        JsonPath raisedOnly = versions("us-liaison", id, "");
        assertEquals(List.of("RAISED"), raisedOnly.getList("items.change"));
        assertEquals("KOR", raisedOnly.getString("items[0].who.country"));

        Response hidden = given().auth().oauth2(Tokens.user("jp-liaison")).when()
                .get("/api/v1/alerts/" + id + "/versions");
        Response alert = given().auth().oauth2(Tokens.user("jp-liaison")).when().get("/api/v1/alerts/" + id);
        Response missing = given().auth().oauth2(Tokens.user("jp-liaison")).when()
                .get("/api/v1/alerts/" + UUID.randomUUID() + "/versions");
        assertEquals(404, hidden.statusCode());
        assertEquals(404, missing.statusCode());
        assertEquals(alert.jsonPath().getString("type"), hidden.jsonPath().getString("type"));
        assertEquals(alert.jsonPath().getString("detail"), hidden.jsonPath().getString("detail"),
                "exactly as the alert itself");
        assertEquals(missing.jsonPath().getString("detail").replaceAll("alert \\S+", "alert X"),
                hidden.jsonPath().getString("detail").replaceAll("alert \\S+", "alert X"),
                "indistinguishable from a missing alert");
    }

    @Test
    void aBadCursorLimitOrParameterIsA400NamingIt() {
        String id = given().auth().oauth2(Tokens.user("us-liaison")).contentType("application/json")
                .body(Map.of("type", "OTHER", "region", "OTHER", "headline", "Versions query check",
                        "severity", "Minor", "urgency", "Future", "certainty", "Possible", "area", "Guam",
                        "releasableTo", List.of("USA")))
                .when().post("/api/v1/alerts").then().statusCode(201).extract().path("id");
        for (String[] bad : new String[][] {{"limit=0", "limit"}, {"limit=201", "limit"}, {"limit=ten", "limit"},
                {"cursor=bm90LWEtY3Vyc29y", "cursor"}, {"cursor=%21%21", "cursor"}, {"page=2", "page"}}) {
            given().auth().oauth2(Tokens.user("us-liaison")).when()
                    .get("/api/v1/alerts/" + id + "/versions?" + bad[0])
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:tcc:problem:invalid-query"))
                    .body("errors[0].field", equalTo(bad[1]));
        }
        // another list's cursor does not position this one
        String alertsCursor = org.tcc.kit.rest.Cursor.encode("alerts", "2026-12-01T00:00:00Z", UUID.randomUUID());
        given().auth().oauth2(Tokens.user("us-liaison")).when()
                .get("/api/v1/alerts/" + id + "/versions?cursor=" + alertsCursor)
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(Tokens.user("us-liaison")).when().get("/api/v1/alerts/" + id + "/versions?limit=1")
                .then().statusCode(200).body("items.version", equalTo(List.of(0))).body("next", nullValue());
    }
}

package org.tcc.notification.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Country;
import org.tcc.contracts.EventType;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertRaised;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.kit.rest.Cursor;
import org.tcc.notification.Directory;
import org.tcc.notification.Events;
import org.tcc.testsupport.Tokens;

/**
 * Every list of the notification service in the API convention, with real tokens, broker and database: the envelope
 * {items, next}, paging through with cursor and limit (keyset, no item twice, none left out), forged cursors and
 * out-of-range limits as 400 invalid-query, and the directory audit's deprecated forms still answered with
 * {@code Deprecation: true}.
 */
@QuarkusTest
class ListPagingTest {

    private static final List<String> LISTS = List.of("/api/v1/deliveries", "/api/v1/dead-letters",
            "/api/v1/recipients", "/api/v1/directory/audit");

    /** The ids of a whole list read a page of {@code limit} at a time, in the order read. */
    private static List<Object> pageThrough(String user, String path, Map<String, Object> query, int limit) {
        List<Object> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = given().auth().oauth2(Tokens.user(user)).queryParams(query).queryParam("limit", limit)
                    .queryParam("cursor", cursor == null ? "" : cursor).get(path).then().statusCode(200)
                    .header("Deprecation", nullValue()).extract().jsonPath();
            List<Object> items = page.getList("items.id");
            assertTrue(items.size() <= limit, "a page holds at most limit items");
            ids.addAll(items);
            cursor = page.getString("next");
            assertTrue(++pages < 1000, "paging ends");
        } while (cursor != null);
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no item on two pages: " + ids);
        assertEquals(Directory.all(user, path, query).stream().map(i -> i.get("id")).toList(), ids,
                "pages of " + limit + " and of 200 read the same list");
        return ids;
    }

    private static String createRecipient(String name, String chainStep) {
        return given().auth().oauth2(Tokens.user("kr-admin")).contentType(ContentType.JSON)
                .body(Map.of("country", "KOR", "name", name, "chainStep", chainStep, "stream", false,
                        "active", false))
                .post("/api/v1/recipients").then().statusCode(201).extract().path("id");
    }

    @Test
    void theDirectoryAndItsAuditPageInTheirOrder() {
        String tag = Events.newId().substring(0, 8);
        List<String> created = List.of(createRecipient("kr-page-a-" + tag, "SENIOR_OFFICIAL"),
                createRecipient("kr-page-b-" + tag, "DUTY_OFFICER"), createRecipient("kr-page-c-" + tag, "LIAISON"));
        List<Object> directory = pageThrough("kr-admin", "/api/v1/recipients", Map.of(), 2);
        assertTrue(directory.containsAll(created));
        List<Object> everyCountry = pageThrough("admin", "/api/v1/recipients", Map.of(), 3);
        assertTrue(everyCountry.containsAll(directory));

        List<Object> audit = pageThrough("kr-auditor", "/api/v1/directory/audit", Map.of(), 2);
        List<Long> ascending = audit.stream().map(id -> ((Number) id).longValue()).toList();
        assertEquals(ascending.stream().sorted().toList(), ascending, "oldest first");
        assertEquals(1, pageThrough("kr-auditor", "/api/v1/directory/audit",
                Map.of("recipientId", created.get(0)), 1).size(), "one CREATE of the recipient");
    }

    @Test
    void deliveriesPageNewestFirst() {
        String alertId = Events.newId();
        Events.send(EventType.ALERT_RAISED, new AlertRaised(Events.alert(alertId, 1, Severity.Minor,
                TrafficStatus.TEST, List.of(Country.USA, Country.KOR), List.of(), List.of())));
        await().atMost(Duration.ofSeconds(20)).until(() -> Directory.deliveriesOfAlert(alertId).size() >= 2);
        List<Object> ids = pageThrough("auditor", "/api/v1/deliveries", Map.of("alertId", alertId), 1);
        assertTrue(ids.size() >= 2);
        List<Map<String, Object>> all = Directory.deliveriesOfAlert(alertId);
        for (int i = 1; i < all.size(); i++) {
            assertTrue(String.valueOf(all.get(i - 1).get("createdAt"))
                    .compareTo(String.valueOf(all.get(i).get("createdAt"))) >= 0, "newest first");
        }
        assertTrue(all.stream().allMatch(d -> d.get("recipientId") != null), "each delivery names its recipientId");
        pageThrough("auditor", "/api/v1/dead-letters", Map.of(), 1);
    }

    @Test
    void aForgedCursorOrAnOutOfRangeLimitIsAnInvalidQuery() {
        String otherList = Cursor.encode("consultations", "2026-01-01T00:00:00Z", Events.newId());
        for (String path : LISTS) {
            for (String forged : List.of("not a cursor", "AAAA", otherList)) {
                given().auth().oauth2(Tokens.user("admin")).queryParam("cursor", forged).get(path).then()
                        .statusCode(400).contentType(startsWith("application/problem+json"))
                        .body("type", equalTo("urn:tcc:problem:invalid-query"))
                        .body("errors[0].field", equalTo("cursor"));
            }
            for (String limit : List.of("0", "201", "ten")) {
                given().auth().oauth2(Tokens.user("admin")).queryParam("limit", limit).get(path).then()
                        .statusCode(400).body("errors[0].field", equalTo("limit"));
            }
            given().auth().oauth2(Tokens.user("admin")).queryParam("limit", 200).get(path).then().statusCode(200);
            given().auth().oauth2(Tokens.user("admin")).queryParam("contry", "KOR").get(path).then()
                    .statusCode(400).body("errors[0].field", equalTo("contry"));
        }
        given().auth().oauth2(Tokens.user("admin")).queryParam("status", "LOST").get("/api/v1/deliveries").then()
                .statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void theDeprecatedFormsOfTheDirectoryAuditStillAnswerInTheirOldShape() {
        String id = createRecipient("kr-old-" + Events.newId().substring(0, 8), "LIAISON");
        JsonPath first = given().auth().oauth2(Tokens.user("kr-auditor")).queryParam("after", 0)
                .queryParam("limit", 1).get("/api/v1/directory/audit").then().statusCode(200)
                .header("Deprecation", equalTo("true"))
                .header("Link", equalTo("</api/v1/directory/audit?limit=1>; rel=\"successor-version\""))
                .body("entries.size()", equalTo(1)).body("items", nullValue()).extract().jsonPath();
        long next = first.getLong("next");
        assertEquals(first.getLong("entries[0].id"), next, "next is still the id to continue after");
        Object oldSecond = given().auth().oauth2(Tokens.user("kr-auditor")).queryParam("after", next)
                .get("/api/v1/directory/audit").then().statusCode(200).header("Deprecation", equalTo("true"))
                .extract().path("entries[0].id");
        Object newSecond = given().auth().oauth2(Tokens.user("kr-auditor"))
                .queryParam("cursor", Cursor.encode(DirectoryAuditResource.LIST, next)).queryParam("limit", 1)
                .get("/api/v1/directory/audit").then().statusCode(200).header("Deprecation", nullValue())
                .extract().path("items[0].id");
        assertEquals(newSecond, oldSecond, "after and cursor continue from the same entry");
        given().auth().oauth2(Tokens.user("kr-auditor")).queryParam("recipient", id).get("/api/v1/directory/audit")
                .then().statusCode(200).header("Deprecation", equalTo("true"))
                .header("Link", equalTo("</api/v1/directory/audit?recipientId=" + id + "&limit=100>; "
                        + "rel=\"successor-version\""))
                .body("entries.size()", equalTo(1)).body("entries[0].recipientId", equalTo(id));
        given().auth().oauth2(Tokens.user("kr-auditor")).queryParam("after", 1).queryParam("cursor", "x")
                .get("/api/v1/directory/audit").then().statusCode(400).body("errors[0].field", equalTo("after"));
    }
}

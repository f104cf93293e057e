package org.tcc.consultation.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcc.consultation.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcc.consultation.Api;
import org.tcc.contracts.Country;
import org.tcc.kit.rest.Cursor;

/**
 * Every list of the consultation service in the API convention, with real tokens and the real database: the
 * envelope {items, next}, paging through with cursor and limit (keyset, no item twice, none left out), a forged
 * cursor and an out-of-range limit as 400 invalid-query, and the deprecated forms still answered with
 * {@code Deprecation: true}.
 */
@QuarkusTest
class ListPagingTest {

    /** Reads a whole list a page of {@code limit} at a time; returns the ids in the order read. */
    private static List<Object> pageThrough(String user, String path, int limit, String idField) {
        List<Object> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = as(user).queryParam("limit", limit).queryParam("cursor", cursor == null ? "" : cursor)
                    .get(path).then().statusCode(200).header("Deprecation", nullValue()).extract().jsonPath();
            List<Object> items = page.getList("items." + idField);
            assertTrue(items.size() <= limit, "a page holds at most limit items");
            ids.addAll(items);
            cursor = page.getString("next");
            assertTrue(++pages < 1000, "paging ends");
        } while (cursor != null);
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no item on two pages: " + ids);
        return ids;
    }

    @Test
    void consultationsPageNewestFirstWithoutGapsOrRepeats() {
        List<String> convened = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            convened.add(Api.convene("kr-liaison", "Keyset paging " + i, Country.KOR, Country.USA));
        }
        List<Object> all = pageThrough("kr-liaison", Api.BASE, 1, "id");
        assertTrue(all.containsAll(convened), "every consultation is on some page");
        // newest first: the last convened comes before the first
        assertTrue(all.indexOf(convened.get(2)) < all.indexOf(convened.get(0)));
        assertEquals(Api.all("kr-liaison", Api.BASE).stream().map(c -> c.get("id")).toList(), all,
                "pages of 1 and of 200 read the same list");
    }

    @Test
    void aForgedCursorOrAnOutOfRangeLimitIsAnInvalidQuery() {
        Api.convene("us-liaison", "Forged cursor", Country.USA);
        String timelineCursor = Cursor.encode(ConsultationResource.TIMELINE, 1);
        String garbage = Base64.getUrlEncoder().encodeToString("1|consultations|yesterday|me".getBytes(
                StandardCharsets.UTF_8));
        for (String forged : List.of("not a cursor", "AAAA", timelineCursor, garbage)) {
            as("us-liaison").queryParam("cursor", forged).get(Api.BASE).then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo("urn:tcc:problem:invalid-query"))
                    .body("errors[0].field", equalTo("cursor"));
        }
        for (String limit : List.of("0", "201", "-1", "fifty")) {
            as("us-liaison").queryParam("limit", limit).get(Api.BASE).then().statusCode(400)
                    .body("type", equalTo("urn:tcc:problem:invalid-query"))
                    .body("errors[0].field", equalTo("limit"));
        }
        as("us-liaison").queryParam("limit", 200).get(Api.BASE).then().statusCode(200);
        as("us-liaison").queryParam("limit", 1).queryParam("limit", 2).get(Api.BASE).then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        as("us-liaison").queryParam("phaze", "CONVENING").get(Api.BASE).then().statusCode(400)
                .body("errors[0].field", equalTo("phaze"));
        as("us-liaison").queryParam("phase", "ASLEEP").get(Api.BASE).then().statusCode(400)
                .body("errors[0].field", equalTo("phase"));
        for (String path : List.of("/api/v1/audit/log", "/api/v1/audit/consultations/"
                + Api.convene("us-liaison", "Forged audit cursor", Country.USA))) {
            as("auditor").queryParam("cursor", timelineCursor).get(path).then().statusCode(400)
                    .body("errors[0].field", equalTo("cursor"));
            as("auditor").queryParam("limit", 201).get(path).then().statusCode(400)
                    .body("errors[0].field", equalTo("limit"));
        }
    }

    @Test
    void timelinesAndTheAuditLogPageInChainOrder() {
        String id = Api.inSessionWithPositions(Country.JPN, Country.USA);
        List<Object> timeline = pageThrough("jp-liaison", Api.BASE + "/" + id + "/timeline", 2, "seq");
        assertEquals(5, timeline.size());
        assertEquals(timeline.stream().sorted().toList(), timeline, "oldest first");
        List<Object> audited = pageThrough("jp-auditor", "/api/v1/audit/consultations/" + id, 2, "id");
        assertEquals(timeline, audited, "id is the entry's seq");

        String since = Instant.now().minusSeconds(30).toString();
        List<Object> log = pageThrough("auditor", "/api/v1/audit/log?from=" + since, 3, "seq");
        assertTrue(log.containsAll(timeline));
        assertEquals(log.stream().sorted().toList(), log, "the log pages in chain order");
        as("auditor").get("/api/v1/audit/log?cursor=" + Cursor.encode(AuditResource.LOG, 1) + "&after=1").then()
                .statusCode(400).body("errors[0].field", equalTo("after"));
    }

    @Test
    void theDeprecatedAfterFormOfTheAuditLogStillAnswersInItsOldShape() {
        Api.inSessionWithPositions(Country.KOR, Country.USA);
        JsonPath first = as("auditor").get("/api/v1/audit/log?after=0&limit=2").then().statusCode(200)
                .header("Deprecation", equalTo("true"))
                .header("Link", equalTo("</api/v1/audit/log?limit=2>; rel=\"successor-version\""))
                .body("entries.size()", equalTo(2)).body("items", nullValue()).extract().jsonPath();
        long next = first.getLong("next");
        assertEquals(first.getLong("entries[1].seq"), next, "next is still the seq to continue after");
        String link = as("auditor").get("/api/v1/audit/log?after=" + next + "&limit=2").then().statusCode(200)
                .header("Deprecation", equalTo("true")).body("entries[0].seq", equalTo((int) next + 1))
                .extract().header("Link");
        // the successor link names the same position in the cursor form
        String cursor = link.replaceAll(".*cursor=([^&>]+).*", "$1");
        as("auditor").get("/api/v1/audit/log?limit=2&cursor=" + cursor).then().statusCode(200)
                .header("Deprecation", nullValue()).body("items[0].seq", equalTo((int) next + 1));
        // the old limits of the old form
        as("auditor").get("/api/v1/audit/log?after=0&limit=1000").then().statusCode(200)
                .header("Deprecation", equalTo("true"));
        as("auditor").get("/api/v1/audit/log?after=zero").then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
    }

    @Test
    void theDeprecatedConsultationParameterOfTheExportStillWorks() {
        String id = Api.inSessionWithPositions(Country.KOR, Country.JPN);
        String current = as("auditor").get("/api/v1/audit/export?format=jsonl&consultationId=" + id).then()
                .statusCode(200).header("Deprecation", nullValue()).extract().asString();
        String old = as("auditor").get("/api/v1/audit/export?format=jsonl&consultation=" + id).then()
                .statusCode(200).header("Deprecation", equalTo("true"))
                .header("Link", containsString("consultationId=" + id)).extract().asString();
        assertEquals(current, old);
        assertEquals(5, current.lines().count());
        assertTrue(!current.contains("\"id\""), "the export lines are the stored entries, as before");
        as("auditor").get("/api/v1/audit/export?format=xml").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
    }
}

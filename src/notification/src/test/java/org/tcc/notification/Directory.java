package org.tcc.notification;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tcc.testsupport.Tokens;

/** Test access to the recipients directory through the REST API, as the trilateral admin. */
public final class Directory {

    private Directory() {
    }

    /**
     * Every item of a list as {@code user} reads it, page after page: each page's {@code next} is the following
     * one's {@code cursor}. {@code query} holds the list's filters.
     */
    public static List<Map<String, Object>> all(String user, String path, Map<String, Object> query) {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        String cursor = null;
        do {
            io.restassured.specification.RequestSpecification request = given().auth().oauth2(Tokens.user(user))
                    .queryParams(query).queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            io.restassured.path.json.JsonPath page = request.get(path).then().statusCode(200).extract().jsonPath();
            items.addAll(page.getList("items"));
            cursor = page.getString("next");
        } while (cursor != null);
        return items;
    }

    public static Map<String, Object> recipient(String country, String name) {
        List<Map<String, Object>> all = all("admin", "/api/v1/recipients", Map.of("country", country));
        return all.stream().filter(r -> name.equals(r.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no recipient " + name + " in " + country));
    }

    /** Points {@code name}'s webhook at {@code url} (null removes it). */
    public static void setWebhook(String country, String name, String url, String secret) {
        change(country, name, body -> {
            body.put("active", true);
            body.put("webhookUrl", url);
            body.put("webhookSecret", secret);
        });
    }

    /** Sets the language {@code name} reads notices in (keeps everything else, the webhook secret included). */
    public static void setLanguage(String country, String name, String language) {
        change(country, name, body -> body.put("language", language));
    }

    /** PUTs {@code name}'s entry as it is (its webhook secret kept) with {@code edit} applied. */
    private static void change(String country, String name, java.util.function.Consumer<Map<String, Object>> edit) {
        Map<String, Object> r = recipient(country, name);
        Map<String, Object> body = new HashMap<>();
        body.put("country", country);
        body.put("name", name);
        for (String field : List.of("chainStep", "email", "stream", "active", "webhookUrl", "language")) {
            body.put(field, r.get(field));
        }
        edit.accept(body);
        given().auth().oauth2(Tokens.user("admin")).contentType(ContentType.JSON).body(body)
                .put("/api/v1/recipients/" + r.get("id")).then().statusCode(200);
    }

    public static void clearWebhooks() {
        for (String[] liaison : new String[][] {{"USA", "us-liaison"}, {"KOR", "kr-liaison"}, {"JPN", "jp-liaison"}}) {
            setWebhook(liaison[0], liaison[1], null, null);
        }
    }

    /** The directory audit of one recipient of {@code country}, oldest first, as that country's auditor reads it. */
    public static List<Map<String, Object>> audit(String country, String recipientId) {
        String auditor = Map.of("USA", "us-auditor", "KOR", "kr-auditor", "JPN", "jp-auditor").get(country);
        return all(auditor, "/api/v1/directory/audit", Map.of("recipientId", recipientId));
    }

    /** The delivery log entries of an alert, as the (trilateral) auditor sees them. */
    public static List<Map<String, Object>> deliveriesOfAlert(String alertId) {
        return all("auditor", "/api/v1/deliveries", Map.of("alertId", alertId));
    }
}

package org.tcc.notification.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tcc.notification.Directory;
import org.tcc.notification.Events;
import org.tcc.testsupport.TestPostgres;
import org.tcc.testsupport.Tokens;

/**
 * The recipients directory per role, with real tokens: an admin their own country (the trilateral admin any), a
 * liaison their own country's liaison step only; every change audited.
 */
@QuarkusTest
class RecipientAccessTest {

    @Test
    void directoryIsSeededFromTheRealmUsersWithEscalationChains() {
        given().auth().oauth2(Tokens.user("admin")).queryParam("limit", 200).get("/api/v1/recipients").then().statusCode(200)
                .body("items.name", hasItems("us-liaison", "us-duty", "us-senior", "kr-liaison", "kr-duty", "jp-liaison",
                        "jp-duty"))
                .body("items.find { it.name == 'jp-duty' }.chainStep", equalTo("DUTY_OFFICER"))
                .body("items.find { it.name == 'jp-duty' }.email", equalTo("jp-duty@tcc.local"))
                .body("items.find { it.name == 'jp-senior' }.chainStep", equalTo("SENIOR_OFFICIAL"));
    }

    @Test
    void liaisonSeesAndManagesOnlyTheirOwnCountry() {
        given().auth().oauth2(Tokens.user("jp-liaison")).get("/api/v1/recipients").then().statusCode(200)
                .body("items.country", everyItem(equalTo("JPN"))).body("items.name", hasItem("jp-liaison"));
        given().auth().oauth2(Tokens.user("jp-liaison")).queryParam("country", "KOR").get("/api/v1/recipients")
                .then().statusCode(403).contentType("application/problem+json");

        String name = "jp-desk-" + Events.newId().substring(0, 8);
        String id = given().auth().oauth2(Tokens.user("jp-liaison")).contentType(ContentType.JSON)
                .body(Map.of("country", "JPN", "name", name, "chainStep", "LIAISON",
                        "email", name + "@tcc.local", "webhookUrl", "https://hooks.example.org/jp",
                        "webhookSecret", "0123456789abcdef-secret"))
                .post("/api/v1/recipients").then().statusCode(201)
                .body("webhookSecretSet", equalTo(true)).body("webhookSecret", nullValue())
                .extract().path("id");
        given().auth().oauth2(Tokens.user("kr-liaison")).get("/api/v1/recipients/" + id).then().statusCode(403);
        given().auth().oauth2(Tokens.user("kr-liaison")).delete("/api/v1/recipients/" + id).then().statusCode(403);
        given().auth().oauth2(Tokens.user("jp-liaison")).delete("/api/v1/recipients/" + id).then().statusCode(204);
        given().auth().oauth2(Tokens.user("admin")).get("/api/v1/recipients/" + id).then().statusCode(200)
                .body("active", equalTo(false));

        given().auth().oauth2(Tokens.user("jp-liaison")).contentType(ContentType.JSON)
                .body(Map.of("country", "KOR", "name", "kr-intruder", "chainStep", "LIAISON"))
                .post("/api/v1/recipients").then().statusCode(403);
    }

    @Test
    void aLiaisonCannotThinOrRedirectTheEscalationChainThatWatchesThem() {
        Map<String, Object> duty = Directory.recipient("JPN", "jp-duty");
        Map<String, Object> senior = Directory.recipient("JPN", "jp-senior");
        String liaison = "jp-liaison";
        given().auth().oauth2(Tokens.user(liaison)).delete("/api/v1/recipients/" + duty.get("id"))
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user(liaison)).delete("/api/v1/recipients/" + senior.get("id"))
                .then().statusCode(403);
        Map<String, Object> redirected = new java.util.HashMap<>(Map.of("country", "JPN", "name", "jp-duty",
                "chainStep", "DUTY_OFFICER", "email", "somewhere-else@example.org", "stream", true));
        given().auth().oauth2(Tokens.user(liaison)).contentType(ContentType.JSON).body(redirected)
                .put("/api/v1/recipients/" + duty.get("id")).then().statusCode(403);
        redirected.put("chainStep", "LIAISON"); // demoting it out of the chain is thinning it too
        given().auth().oauth2(Tokens.user(liaison)).contentType(ContentType.JSON).body(redirected)
                .put("/api/v1/recipients/" + duty.get("id")).then().statusCode(403);
        given().auth().oauth2(Tokens.user(liaison)).contentType(ContentType.JSON)
                .body(Map.of("country", "JPN", "name", "jp-shadow-duty", "chainStep", "DUTY_OFFICER"))
                .post("/api/v1/recipients").then().statusCode(403);
        // untouched: the chain still reaches the duty officer and the senior official as before
        Map<String, Object> after = Directory.recipient("JPN", "jp-duty");
        assertEquals(duty, after);
        assertEquals(true, Directory.recipient("JPN", "jp-senior").get("active"));
        assertEquals(List.of(), Directory.audit("JPN", (String) duty.get("id")),
                "a refused change leaves no audit entry either");
    }

    @Test
    void aCountryAdminManagesTheirOwnCountryOnlyAndEveryChangeIsAudited() {
        String name = "kr-desk-" + Events.newId().substring(0, 8);
        String id = given().auth().oauth2(Tokens.user("kr-admin")).contentType(ContentType.JSON)
                .body(Map.of("country", "KOR", "name", name, "chainStep", "SENIOR_OFFICIAL", "stream", false))
                .post("/api/v1/recipients").then().statusCode(201).body("country", equalTo("KOR"))
                .extract().path("id");
        given().auth().oauth2(Tokens.user("kr-admin")).queryParam("limit", 200).get("/api/v1/recipients").then()
                .statusCode(200).body("items.name", hasItem(name)).body("items.country", everyItem(equalTo("KOR")));
        given().auth().oauth2(Tokens.user("kr-admin")).contentType(ContentType.JSON)
                .body(Map.of("country", "KOR", "name", name, "chainStep", "DUTY_OFFICER", "stream", false,
                        "webhookUrl", "https://hooks.example.org/kr", "webhookSecret", "kr-secret-0123456789"))
                .put("/api/v1/recipients/" + id).then().statusCode(200).body("chainStep", equalTo("DUTY_OFFICER"));
        given().auth().oauth2(Tokens.user("kr-admin")).delete("/api/v1/recipients/" + id).then().statusCode(204);

        // another country's directory: neither created, read, listed, changed nor removed by KOR's admin
        String usDuty = (String) Directory.recipient("USA", "us-duty").get("id");
        given().auth().oauth2(Tokens.user("kr-admin")).contentType(ContentType.JSON)
                .body(Map.of("country", "USA", "name", "kr-in-usa", "chainStep", "LIAISON",
                        "email", "kr-admin@tcc.local"))
                .post("/api/v1/recipients").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("kr-admin")).queryParam("country", "USA").get("/api/v1/recipients")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.user("kr-admin")).get("/api/v1/recipients/" + usDuty).then().statusCode(403);
        given().auth().oauth2(Tokens.user("kr-admin")).delete("/api/v1/recipients/" + usDuty).then().statusCode(403);
        given().auth().oauth2(Tokens.user("kr-admin")).contentType(ContentType.JSON)
                .body(Map.of("country", "USA", "name", "us-duty", "chainStep", "DUTY_OFFICER",
                        "email", "kr-admin@tcc.local"))
                .put("/api/v1/recipients/" + usDuty).then().statusCode(403);
        assertEquals("us-duty@tcc.local", Directory.recipient("USA", "us-duty").get("email"));

        // the directory audit: who, for which country, before and after, never the secret
        List<Map<String, Object>> audit = Directory.audit("KOR", id);
        assertEquals(List.of("CREATE", "UPDATE", "DEACTIVATE"), audit.stream().map(e -> e.get("action")).toList());
        assertTrue(audit.stream().allMatch(e -> "kr-admin".equals(e.get("actor"))
                && "KOR".equals(e.get("actorCountry")) && "KOR".equals(e.get("recipientCountry"))));
        assertEquals(null, audit.get(0).get("before"));
        Map<?, ?> updateBefore = (Map<?, ?>) audit.get(1).get("before");
        Map<?, ?> updateAfter = (Map<?, ?>) audit.get(1).get("after");
        assertEquals("SENIOR_OFFICIAL", updateBefore.get("chainStep"));
        assertEquals("DUTY_OFFICER", updateAfter.get("chainStep"));
        assertEquals("https://hooks.example.org/kr", updateAfter.get("webhookUrl"));
        assertEquals(true, updateAfter.get("webhookSecretChanged"));
        assertEquals(false, ((Map<?, ?>) audit.get(2).get("after")).get("active"));
        String raw = given().auth().oauth2(Tokens.user("kr-auditor")).queryParam("recipientId", id)
                .get("/api/v1/directory/audit").then().statusCode(200).extract().asString();
        assertFalse(raw.contains("kr-secret-0123456789"), "the audit never carries a secret");

        // read by KOR's admins and auditors and the trilateral ones; not by another country's, nor by liaisons
        given().auth().oauth2(Tokens.user("jp-admin")).queryParam("country", "KOR").get("/api/v1/directory/audit")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.user("jp-auditor")).queryParam("recipientId", id).get("/api/v1/directory/audit")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(Tokens.user("auditor")).queryParam("recipientId", id).get("/api/v1/directory/audit")
                .then().statusCode(200).body("items", hasSize(3));
        given().auth().oauth2(Tokens.user("kr-liaison")).get("/api/v1/directory/audit").then().statusCode(403);
    }

    @Test
    void theDirectoryAuditRefusesUpdatesDeletesAndTruncation() throws Exception {
        String name = "us-desk-" + Events.newId().substring(0, 8);
        given().auth().oauth2(Tokens.user("us-admin")).contentType(ContentType.JSON)
                .body(Map.of("country", "USA", "name", name, "chainStep", "LIAISON", "stream", false,
                        "active", false))
                .post("/api/v1/recipients").then().statusCode(201);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(TestPostgres.jdbcUrl("notification"),
                TestPostgres.user("notification"), TestPostgres.PASSWORD);
             java.sql.Statement st = c.createStatement()) {
            for (String sql : List.of("UPDATE directory_audit SET actor = 'nobody'", "DELETE FROM directory_audit",
                    "TRUNCATE directory_audit")) {
                assertThrows(java.sql.SQLException.class, () -> st.executeUpdate(sql), sql);
            }
        }
    }

    @Test
    void theTrilateralAdminManagesAnyCountry() {
        String name = "kr-desk-" + Events.newId().substring(0, 8);
        given().auth().oauth2(Tokens.user("admin")).contentType(ContentType.JSON)
                .body(Map.of("country", "KOR", "name", name, "chainStep", "SENIOR_OFFICIAL", "stream", false))
                .post("/api/v1/recipients").then().statusCode(201).body("country", equalTo("KOR"));
        given().auth().oauth2(Tokens.user("admin")).queryParam("country", "KOR").queryParam("limit", 200)
                .get("/api/v1/recipients").then().statusCode(200).body("items.name", hasItem(name))
                .body("items.country", everyItem(equalTo("KOR")));
    }

    @Test
    void webhookUrlsNamingANonPublicAddressAreRefused() {
        for (String url : List.of("https://10.0.0.1/hook", "https://169.254.169.254/latest/meta-data/",
                "https://127.0.0.2:8443/hook", "https://[::1]/hook", "https://[fd00::1]/hook",
                "https://[::ffff:192.168.0.1]/hook")) {
            given().auth().oauth2(Tokens.user("us-admin")).contentType(ContentType.JSON)
                    .body(Map.of("country", "USA", "name", "us-ssrf", "chainStep", "LIAISON", "webhookUrl", url,
                            "webhookSecret", "0123456789abcdef-secret"))
                    .post("/api/v1/recipients").then().statusCode(422).body("errors.field", hasItem("webhookUrl"));
        }
    }

    @Test
    void webhooksNeedHttpsAndASecretAndInvalidInputNamesTheFields() {
        given().auth().oauth2(Tokens.user("admin")).contentType(ContentType.JSON)
                .body(Map.of("country", "USA", "name", "us-bad-hook", "chainStep", "LIAISON",
                        "webhookUrl", "http://hooks.example.org/x", "webhookSecret", "0123456789abcdef-secret"))
                .post("/api/v1/recipients").then().statusCode(422).body("errors.field", hasItem("webhookUrl"));
        given().auth().oauth2(Tokens.user("admin")).contentType(ContentType.JSON)
                .body(Map.of("country", "USA", "name", "us-no-secret", "chainStep", "LIAISON",
                        "webhookUrl", "https://hooks.example.org/x"))
                .post("/api/v1/recipients").then().statusCode(422).body("errors.field", hasItem("webhookSecret"));
        given().auth().oauth2(Tokens.user("admin")).contentType(ContentType.JSON)
                .body(Map.of("country", "USA", "name", "x", "email", "not-an-address"))
                .post("/api/v1/recipients").then().statusCode(422)
                .body("errors.field", hasItems("chainStep", "email"));
    }

    @Test
    void otherRolesAndAnonymousCallersAreRefused() {
        given().get("/api/v1/recipients").then().statusCode(401);
        given().auth().oauth2(Tokens.user("auditor")).get("/api/v1/recipients").then().statusCode(403);
        given().auth().oauth2(Tokens.client("feed-kor")).get("/api/v1/recipients").then().statusCode(403)
                .body("status", not(equalTo(200)));
    }
}

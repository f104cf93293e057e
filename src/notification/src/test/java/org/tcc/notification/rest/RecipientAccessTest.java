package org.tcc.notification.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tcc.notification.Events;
import org.tcc.testsupport.Tokens;

/** The recipients directory per role, with real tokens: admin any country, a liaison their own only. */
@QuarkusTest
class RecipientAccessTest {

    @Test
    void directoryIsSeededFromTheRealmUsersWithEscalationChains() {
        given().auth().oauth2(Tokens.user("admin")).get("/api/v1/recipients").then().statusCode(200)
                .body("name", hasItems("us-liaison", "us-duty", "us-senior", "kr-liaison", "kr-duty", "jp-liaison",
                        "jp-duty"))
                .body("find { it.name == 'jp-duty' }.chainStep", equalTo("DUTY_OFFICER"))
                .body("find { it.name == 'jp-duty' }.email", equalTo("jp-duty@tcc.local"))
                .body("find { it.name == 'jp-senior' }.chainStep", equalTo("SENIOR_OFFICIAL"));
    }

    @Test
    void liaisonSeesAndManagesOnlyTheirOwnCountry() {
        given().auth().oauth2(Tokens.user("jp-liaison")).get("/api/v1/recipients").then().statusCode(200)
                .body("country", everyItem(equalTo("JPN"))).body("name", hasItem("jp-liaison"));
        given().auth().oauth2(Tokens.user("jp-liaison")).queryParam("country", "KOR").get("/api/v1/recipients")
                .then().statusCode(403).contentType("application/problem+json");

        String name = "jp-desk-" + Events.newId().substring(0, 8);
        String id = given().auth().oauth2(Tokens.user("jp-liaison")).contentType(ContentType.JSON)
                .body(Map.of("country", "JPN", "name", name, "chainStep", "DUTY_OFFICER",
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
    void adminManagesAnyCountry() {
        String name = "kr-desk-" + Events.newId().substring(0, 8);
        given().auth().oauth2(Tokens.user("admin")).contentType(ContentType.JSON)
                .body(Map.of("country", "KOR", "name", name, "chainStep", "SENIOR_OFFICIAL", "stream", false))
                .post("/api/v1/recipients").then().statusCode(201).body("country", equalTo("KOR"));
        given().auth().oauth2(Tokens.user("admin")).queryParam("country", "KOR").get("/api/v1/recipients")
                .then().statusCode(200).body("name", hasItem(name)).body("country", everyItem(equalTo("KOR")));
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

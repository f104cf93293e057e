package org.tcc.notification.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tcc.notification.Directory;
import org.tcc.notification.Events;
import org.tcc.testsupport.Tokens;

/** Each recipient reads notices in a language of its own: the country's unless chosen, checked, audited. */
@QuarkusTest
class RecipientLanguageTest {

    @Test
    void seededRecipientsReadTheirCountrysLanguage() {
        assertEquals("en", Directory.recipient("USA", "us-liaison").get("language"));
        assertEquals("ko", Directory.recipient("KOR", "kr-liaison").get("language"));
        assertEquals("ko", Directory.recipient("KOR", "kr-senior").get("language"));
        assertEquals("ja", Directory.recipient("JPN", "jp-duty").get("language"));
    }

    @Test
    void aLanguageIsTheCountrysUnlessChosenIsCheckedAndEveryChangeIsAudited() {
        String name = "kr-desk-" + Events.newId().substring(0, 8);
        Map<String, Object> body = new HashMap<>(Map.of("country", "KOR", "name", name, "chainStep", "LIAISON",
                "email", name + "@tcc.local"));
        String id = given().auth().oauth2(Tokens.user("kr-admin")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/recipients").then().statusCode(201).body("language", equalTo("ko"))
                .extract().path("id");

        // only the supported BCP 47 tags; the problem names the field
        for (String wrong : List.of("fr", "ko-KR", "korean", "")) {
            body.put("language", wrong);
            given().auth().oauth2(Tokens.user("kr-admin")).contentType(ContentType.JSON).body(body)
                    .put("/api/v1/recipients/" + id).then().statusCode(422)
                    .contentType("application/problem+json").body("errors.field", hasItem("language"));
        }
        body.put("language", "EN");
        given().auth().oauth2(Tokens.user("kr-admin")).contentType(ContentType.JSON).body(body)
                .put("/api/v1/recipients/" + id).then().statusCode(200).body("language", equalTo("en"));
        // a replacement without the field keeps the language (clients written before it existed)
        body.remove("language");
        body.put("email", name + "@desk.tcc.local");
        given().auth().oauth2(Tokens.user("kr-admin")).contentType(ContentType.JSON).body(body)
                .put("/api/v1/recipients/" + id).then().statusCode(200).body("language", equalTo("en"));

        List<Map<String, Object>> audit = Directory.audit("KOR", id);
        assertEquals(List.of("CREATE", "UPDATE", "UPDATE"), audit.stream().map(e -> e.get("action")).toList());
        assertEquals("ko", ((Map<?, ?>) audit.get(0).get("after")).get("language"));
        assertEquals("ko", ((Map<?, ?>) audit.get(1).get("before")).get("language"));
        assertEquals("en", ((Map<?, ?>) audit.get(1).get("after")).get("language"));
        assertEquals("en", ((Map<?, ?>) audit.get(2).get("after")).get("language"));

        given().auth().oauth2(Tokens.user("kr-admin")).delete("/api/v1/recipients/" + id).then().statusCode(204);
    }
}

package org.tcc.consultation.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.tcc.consultation.Api.as;
import static org.tcc.consultation.Api.join;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tcc.consultation.Api;
import org.tcc.contracts.Country;

/** Who may see and do what, with real tokens: participants only, for their own country, liaisons only. */
@QuarkusTest
class ConsultationAccessTest {

    @Test
    void aCountryThatIsNotAParticipantSeesNothing() {
        String id = Api.convene("us-liaison", "US-ROK exercise incident", Country.USA, Country.KOR);
        as("kr-liaison").get(Api.BASE + "/" + id).then().statusCode(200);
        as("jp-liaison").get(Api.BASE + "/" + id).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        join("jp-liaison", id).statusCode(404);
        as("jp-liaison").get(Api.BASE + "/" + id + "/timeline").then().statusCode(404);
        as("jp-liaison").get(Api.BASE + "?limit=200").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        as("kr-liaison").get(Api.BASE + "?limit=200").then().statusCode(200)
                .body("items.id", hasItem(id));
        as("jp-liaison").get(Api.BASE + "/not-a-uuid").then().statusCode(404);
    }

    @Test
    void theDeprecatedPageAndSizeFormStillAnswersInItsOldShape() {
        Api.convene("kr-liaison", "Paging one", Country.KOR, Country.USA);
        Api.convene("kr-liaison", "Paging two", Country.KOR, Country.USA);
        String first = as("kr-liaison").get(Api.BASE + "?size=1").then().statusCode(200)
                .header("Deprecation", equalTo("true"))
                .header("Link", equalTo("<" + Api.BASE + "?limit=1>; rel=\"successor-version\""))
                .body("consultations.size()", equalTo(1)).body("nextPage", equalTo(1))
                .body("items", nullValue())
                .extract().path("consultations[0].id");
        as("kr-liaison").get(Api.BASE + "?size=1&page=1").then().statusCode(200)
                .header("Deprecation", equalTo("true"))
                .body("consultations.size()", equalTo(1))
                .body("consultations[0].id", not(equalTo(first)));
        as("kr-liaison").get(Api.BASE + "?phase=CONVENING&size=200").then().statusCode(200)
                .body("consultations.phase", everyItem(equalTo("CONVENING")));
        as("kr-liaison").get(Api.BASE + "?size=0").then().statusCode(400)
                .body("type", equalTo("urn:tcc:problem:invalid-query")).body("errors[0].field", equalTo("size"));
        as("kr-liaison").get(Api.BASE + "?size=1&limit=1").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        // the new form carries no deprecation
        as("kr-liaison").get(Api.BASE + "?limit=1").then().statusCode(200)
                .header("Deprecation", nullValue()).body("items.size()", equalTo(1));
    }

    @Test
    void aLiaisonCannotActForAnotherCountry() {
        String id = Api.convene("us-liaison", "Maritime incident", Country.USA, Country.KOR, Country.JPN);
        Api.post("kr-liaison", "/" + id + "/join", Map.of("country", "USA")).statusCode(403)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(403));
        Api.post("kr-liaison", "/" + id + "/join", Map.of("country", "KOR")).statusCode(200);
        as("jp-liaison").body(Map.of("subject", "Not ours", "type", "OTHER", "region", "OTHER",
                        "participants", List.of("USA", "KOR")))
                .post(Api.BASE).then().statusCode(403);
    }

    @Test
    void anAuditorCannotActOnConsultations() {
        String id = Api.convene("us-liaison", "Audit-only check", Country.USA, Country.JPN);
        as("auditor").get(Api.BASE).then().statusCode(403);
        as("auditor").get(Api.BASE + "/" + id).then().statusCode(403);
        join("auditor", id).statusCode(403).contentType(startsWith("application/problem+json"));
        as("auditor").body(Map.of("subject", "s", "type", "OTHER", "region", "OTHER",
                "participants", List.of("USA", "JPN"))).post(Api.BASE).then().statusCode(403);
        Api.post("admin", "/" + id + "/close", Map.of("reason", "r")).statusCode(403);
    }

    @Test
    void noTokenIsUnauthorized() {
        given().when().get(Api.BASE).then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().contentType("application/json").body("{}").when().post(Api.BASE + "/x/join").then().statusCode(401);
        given().when().get("/api/v1/audit/verify").then().statusCode(401);
    }
}

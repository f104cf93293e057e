package org.tcc.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.tcc.testsupport.Tokens;

/** Real Keycloak tokens: the right role gets 200, a wrong role 403, no or a bad token 401. */
@QuarkusTest
class AlertAccessTest {

    @Test
    void liaisonTokenIsAccepted() {
        given().auth().oauth2(Tokens.user("jp-liaison"))
                .when().get("/api/v1/alerts")
                .then().statusCode(200);
    }

    @Test
    void auditorAndFeedAreForbiddenFromTheLiaisonApi() {
        given().auth().oauth2(Tokens.user("auditor"))
                .when().get("/api/v1/alerts")
                .then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(403));
        given().auth().oauth2(Tokens.client("feed-kor"))
                .when().get("/api/v1/alerts")
                .then().statusCode(403);
    }

    @Test
    void missingOrForgedTokenIsUnauthorized() {
        given().when().get("/api/v1/alerts")
                .then().statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", startsWith("Bearer"));
        String token = Tokens.user("jp-liaison");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().auth().oauth2(tampered)
                .when().get("/api/v1/alerts")
                .then().statusCode(401);
    }

    @Test
    void unknownAlertIsProblemNotFound() {
        given().auth().oauth2(Tokens.user("us-liaison"))
                .when().get("/api/v1/alerts/5b0e4a0e-7f4c-4c55-9d38-8d1c1d5b0000")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }
}

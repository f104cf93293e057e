package org.tcc.consultation;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tcc.contracts.Country;
import org.tcc.testsupport.Tokens;

/** Calls the consultation API as the realm's users, with real Keycloak tokens. */
public final class Api {

    public static final String BASE = "/api/v1/consultations";

    private Api() {
    }

    public static String liaisonOf(Country country) {
        return switch (country) {
            case USA -> "us-liaison";
            case KOR -> "kr-liaison";
            case JPN -> "jp-liaison";
        };
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** Convenes a consultation by hand and returns its id. */
    public static String convene(String user, String subject, Country... participants) {
        return as(user).body(Map.of("subject", subject, "type", "MARITIME_INCIDENT", "region", "TAIWAN_STRAIT",
                        "status", "EXERCISE", "participants", Arrays.stream(participants).map(Enum::name).toList()))
                .when().post(BASE)
                .then().statusCode(201).extract().path("id");
    }

    /**
     * Every item of a list, page after page as a client reads it: each page's {@code next} is the following one's
     * {@code cursor}.
     */
    public static List<Map<String, Object>> all(String user, String path) {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = as(user).queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            io.restassured.path.json.JsonPath page = request.get(path).then().statusCode(200).extract().jsonPath();
            items.addAll(page.getList("items"));
            cursor = page.getString("next");
        } while (cursor != null);
        return items;
    }

    public static ValidatableResponse post(String user, String path, Object body) {
        return as(user).body(body).when().post(BASE + path).then();
    }

    public static ValidatableResponse join(String user, String id) {
        return post(user, "/" + id + "/join", Map.of());
    }

    public static ValidatableResponse position(String user, String id) {
        return post(user, "/" + id + "/positions", Map.of("assessment", "Assessment by " + user,
                "position", "Position of " + user + ", with a comma and \"quotes\""));
    }

    public static ValidatableResponse propose(String user, String id) {
        return post(user, "/" + id + "/proposals", Map.of("statement", "Joint statement condemning the incident",
                "actions", List.of("Coordinate maritime patrols", "Brief the UN Security Council")));
    }

    public static ValidatableResponse respond(String user, String id, String proposalId, String verb, String reason) {
        return post(user, "/" + id + "/proposals/" + proposalId + "/" + verb,
                reason == null ? Map.of() : Map.of("reason", reason));
    }

    /** A consultation of the given countries, every one joined and its position stated: ready for a proposal. */
    public static String inSessionWithPositions(Country... participants) {
        String id = convene(liaisonOf(participants[0]), "Contingency " + System.nanoTime(), participants);
        for (Country c : participants) {
            join(liaisonOf(c), id).statusCode(200);
        }
        for (Country c : participants) {
            position(liaisonOf(c), id).statusCode(200);
        }
        return id;
    }
}

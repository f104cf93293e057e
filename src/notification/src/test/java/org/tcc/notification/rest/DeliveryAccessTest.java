package org.tcc.notification.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Country;
import org.tcc.contracts.EventType;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertRaised;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.notification.Directory;
import org.tcc.notification.Events;
import org.tcc.testsupport.Tokens;

/** The delivery log per role: a liaison sees their own country's deliveries, the auditor everyone's. */
@QuarkusTest
class DeliveryAccessTest {

    @Test
    void liaisonSeesOwnCountryAuditorSeesAll() {
        String alertId = Events.newId();
        Events.send(EventType.ALERT_RAISED, new AlertRaised(Events.alert(alertId, 1, Severity.Minor,
                TrafficStatus.TEST, List.of(Country.USA, Country.KOR), List.of(), List.of())));
        await().atMost(Duration.ofSeconds(20)).until(() -> Directory.deliveriesOfAlert(alertId).stream()
                .map(d -> d.get("country")).distinct().count() == 2);

        given().auth().oauth2(Tokens.user("kr-liaison")).queryParam("alertId", alertId).get("/api/v1/deliveries")
                .then().statusCode(200).body("country", everyItem(equalTo("KOR"))).body("size()", equalTo(1));
        given().auth().oauth2(Tokens.user("jp-liaison")).queryParam("alertId", alertId).get("/api/v1/deliveries")
                .then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(Tokens.user("jp-liaison")).queryParam("country", "KOR").get("/api/v1/deliveries")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.user("auditor")).queryParam("alertId", alertId).get("/api/v1/deliveries")
                .then().statusCode(200).body("size()", equalTo(2));
        given().auth().oauth2(Tokens.user("auditor")).queryParam("alertId", alertId).queryParam("country", "USA")
                .get("/api/v1/deliveries").then().statusCode(200).body("country", everyItem(equalTo("USA")));
    }

    @Test
    void anonymousAndFeedsAreRefused() {
        given().get("/api/v1/deliveries").then().statusCode(401);
        given().auth().oauth2(Tokens.client("feed-usa")).get("/api/v1/deliveries").then().statusCode(403);
        given().auth().oauth2(Tokens.user("auditor")).queryParam("limit", 0).get("/api/v1/deliveries")
                .then().statusCode(422);
    }
}

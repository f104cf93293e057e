package org.tcc.notification.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Country;
import org.tcc.contracts.EventType;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertRaised;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.notification.Directory;
import org.tcc.notification.Events;
import org.tcc.testsupport.Tokens;

/**
 * The delivery log and the dead letters per role, with real tokens: everyone reads their own country's (liaisons,
 * auditors and admins alike); only the trilateral auditor and admin read every country's.
 */
@QuarkusTest
class DeliveryAccessTest {

    @AfterEach
    void removeWebhooks() {
        Directory.clearWebhooks();
    }

    @Test
    void everyoneReadsTheirOwnCountryOnlyTheTrilateralRoleReadsAll() {
        String alertId = Events.newId();
        Events.send(EventType.ALERT_RAISED, new AlertRaised(Events.alert(alertId, 1, Severity.Minor,
                TrafficStatus.TEST, List.of(Country.USA, Country.KOR), List.of(), List.of())));
        await().atMost(Duration.ofSeconds(20)).until(() -> Directory.deliveriesOfAlert(alertId).stream()
                .map(d -> d.get("country")).distinct().count() == 2);

        for (String korean : List.of("kr-liaison", "kr-auditor", "kr-admin")) {
            given().auth().oauth2(Tokens.user(korean)).queryParam("alertId", alertId).get("/api/v1/deliveries")
                    .then().statusCode(200).body("items.country", everyItem(equalTo("KOR")))
                    .body("items.size()", equalTo(1));
        }
        // Japan takes no part in a KOR+USA alert: its liaison, auditor and admin see none of its deliveries
        for (String japanese : List.of("jp-liaison", "jp-auditor", "jp-admin")) {
            given().auth().oauth2(Tokens.user(japanese)).queryParam("alertId", alertId).get("/api/v1/deliveries")
                    .then().statusCode(200).body("items.size()", equalTo(0));
            given().auth().oauth2(Tokens.user(japanese)).queryParam("country", "KOR").get("/api/v1/deliveries")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        for (String trilateral : List.of("auditor", "admin")) {
            given().auth().oauth2(Tokens.user(trilateral)).queryParam("alertId", alertId).get("/api/v1/deliveries")
                    .then().statusCode(200).body("items.size()", equalTo(2));
            given().auth().oauth2(Tokens.user(trilateral)).queryParam("alertId", alertId)
                    .queryParam("country", "USA").get("/api/v1/deliveries").then().statusCode(200)
                    .body("items.country", everyItem(equalTo("USA"))).body("items.size()", equalTo(1));
        }
    }

    @Test
    void deadLettersCarryTheNotificationTextSoTheyFollowTheSameRule() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Directory.setWebhook("KOR", "kr-liaison", "http://127.0.0.1:" + closedPort + "/hook",
                "kr-webhook-secret-0123456789");
        String alertId = Events.newId();
        Events.send(EventType.ALERT_RAISED, new AlertRaised(Events.alert(alertId, 1, Severity.Minor,
                TrafficStatus.TEST, List.of(Country.USA, Country.KOR), List.of(), List.of())));
        await().atMost(Duration.ofSeconds(30)).until(() -> Directory.deliveriesOfAlert(alertId).stream()
                .anyMatch(d -> "WEBHOOK".equals(d.get("channel")) && "DEAD".equals(d.get("status"))));
        String deliveryId = (String) Directory.deliveriesOfAlert(alertId).stream()
                .filter(d -> "WEBHOOK".equals(d.get("channel"))).findFirst().orElseThrow().get("id");

        for (String user : List.of("kr-liaison", "kr-auditor", "kr-admin", "auditor", "admin")) {
            assertTrue(deadLetters(user).stream().anyMatch(l -> deliveryId.equals(l.get("deliveryId"))), user);
        }
        for (String user : List.of("jp-liaison", "jp-auditor", "jp-admin", "us-auditor", "us-admin")) {
            assertFalse(deadLetters(user).stream().anyMatch(l -> deliveryId.equals(l.get("deliveryId"))), user);
        }
        given().auth().oauth2(Tokens.user("jp-auditor")).queryParam("country", "KOR").get("/api/v1/dead-letters")
                .then().statusCode(403);
    }

    @Test
    void anonymousAndFeedsAreRefused() {
        given().get("/api/v1/deliveries").then().statusCode(401);
        given().auth().oauth2(Tokens.client("feed-usa")).get("/api/v1/deliveries").then().statusCode(403);
        given().auth().oauth2(Tokens.user("auditor")).queryParam("limit", 0).get("/api/v1/deliveries")
                .then().statusCode(400).body("type", equalTo("urn:tcc:problem:invalid-query"));
    }

    private static List<Map<String, Object>> deadLetters(String user) {
        return Directory.all(user, "/api/v1/dead-letters", Map.of());
    }
}

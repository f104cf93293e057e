package org.tcc.notification.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
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
import org.tcc.notification.WebhookReceiver;
import org.tcc.testsupport.Tokens;

/**
 * Webhook targets as production sees them: nothing on this machine is allow-listed (only a documentation address
 * that is never reached). A live receiver on 127.0.0.1 gets nothing, whether it is named by address (refused when
 * registered) or by a name that resolves to loopback (refused when sent), and the refusal is recorded with the same
 * generic reason as any other failure.
 */
@QuarkusTest
@TestProfile(WebhookTargetRefusalTest.NothingLocalAllowed.class)
class WebhookTargetRefusalTest {

    public static class NothingLocalAllowed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tcc.notification.webhooks.allowed-targets", "203.0.113.7/32");
        }
    }

    @AfterEach
    void removeWebhooks() {
        Directory.clearWebhooks();
    }

    @Test
    void loopbackByAddressIsRefusedWhenRegisteredAndByNameWhenSent() {
        try (WebhookReceiver receiver = WebhookReceiver.accepting()) {
            Map<String, Object> liaison = Directory.recipient("JPN", "jp-liaison");
            given().auth().oauth2(Tokens.user("admin")).contentType(ContentType.JSON)
                    .body(Map.of("country", "JPN", "name", "jp-liaison", "chainStep", "LIAISON", "stream", true,
                            "webhookUrl", receiver.url(), "webhookSecret", "jp-webhook-secret-0123456789"))
                    .put("/api/v1/recipients/" + liaison.get("id")).then().statusCode(422)
                    .body("errors.field", hasItem("webhookUrl"));

            // "localhost" is a name: it passes registration, and is resolved and refused at every attempt
            String byName = receiver.url().replace("127.0.0.1", "localhost");
            Directory.setWebhook("JPN", "jp-liaison", byName, "jp-webhook-secret-0123456789");
            String alertId = Events.newId();
            Events.send(EventType.ALERT_RAISED, new AlertRaised(Events.alert(alertId, 1, Severity.Minor,
                    TrafficStatus.TEST, List.of(Country.JPN), List.of(), List.of())));
            await().atMost(Duration.ofSeconds(30)).until(() -> webhookDelivery(alertId)
                    .map(d -> "DEAD".equals(d.get("status"))).orElse(false));

            Map<String, Object> delivery = webhookDelivery(alertId).orElseThrow();
            assertEquals(WebhookSender.FAILED, delivery.get("lastError"));
            List<Map<String, Object>> letters = Directory.all("jp-admin", "/api/v1/dead-letters", Map.of());
            Map<String, Object> letter = letters.stream().filter(l -> delivery.get("id").equals(l.get("deliveryId")))
                    .findFirst().orElseThrow();
            assertEquals(WebhookSender.FAILED, letter.get("reason"));
            assertEquals(List.of(), receiver.requests(), "the receiver on loopback was never reached");
        }
    }

    private static java.util.Optional<Map<String, Object>> webhookDelivery(String alertId) {
        return Directory.deliveriesOfAlert(alertId).stream().filter(d -> "WEBHOOK".equals(d.get("channel")))
                .findFirst();
    }
}

package org.tcc.notification.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Country;
import org.tcc.contracts.EventType;
import org.tcc.contracts.Json;
import org.tcc.contracts.Topics;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertRaised;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.contracts.events.notification.DeliveryOutcome;
import org.tcc.contracts.events.notification.DeliveryStatus;
import org.tcc.notification.Directory;
import org.tcc.notification.Events;
import org.tcc.notification.WebhookReceiver;
import org.tcc.testsupport.KafkaProbe;
import org.tcc.testsupport.Tokens;

/** Webhooks against real HTTP endpoints: retries with backoff, signatures a receiver can verify, dead letters. */
@QuarkusTest
class WebhookDeliveryTest {

    private static final String SECRET = "jp-webhook-secret-42-abcdef";
    private static final int MAX_ATTEMPTS = 3; // %test.tcc.notification.delivery.max-attempts

    @AfterEach
    void removeWebhooks() {
        Directory.clearWebhooks();
    }

    @Test
    void receiverFailingTwiceGetsExactlyOneAcceptedDeliveryWhoseSignatureVerifies() {
        try (WebhookReceiver receiver = WebhookReceiver.failingFirst(2)) {
            Directory.setWebhook("JPN", "jp-liaison", receiver.url(), SECRET);
            String alertId = Events.newId();
            Events.send(EventType.ALERT_RAISED, new AlertRaised(Events.alert(alertId, 1, Severity.Moderate,
                    TrafficStatus.ACTUAL, List.of(Country.JPN), List.of(Country.JPN), List.of())));

            await().atMost(Duration.ofSeconds(30)).until(() -> webhookDelivery(alertId)
                    .map(d -> "SENT".equals(d.get("status"))).orElse(false));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> receiver.requestsContaining(alertId).size() == 3);

            List<WebhookReceiver.Request> requests = receiver.requestsContaining(alertId);
            assertEquals(List.of(500, 500, 200), requests.stream().map(WebhookReceiver.Request::answered).toList());
            assertEquals(1, requests.stream().filter(r -> r.answered() == 200).count());
            WebhookReceiver.Request accepted = requests.get(2);
            assertTrue(verifies(SECRET, accepted.signature(), accepted.body(), accepted.receivedAtSeconds()),
                    "signature " + accepted.signature());
            assertTrue(!verifies("another-secret-123456", accepted.signature(), accepted.body(),
                    accepted.receivedAtSeconds()));
            // the same delivery id on every attempt, so a receiver can also de-duplicate
            assertEquals(1, requests.stream().map(WebhookReceiver.Request::deliveryId).distinct().count());
            Map<String, Object> delivery = webhookDelivery(alertId).orElseThrow();
            assertEquals(3, delivery.get("attempts"));
            assertEquals(requests.get(0).deliveryId(), delivery.get("id"));
        }
    }

    @Test
    void deadEndpointEndsDeadAfterMaxAttemptsWithADeadLetterRecord() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (KafkaProbe outcomes = KafkaProbe.fromNow(Topics.NOTIFICATIONS)) {
            Directory.setWebhook("JPN", "jp-liaison", "http://127.0.0.1:" + closedPort + "/hook", SECRET);
            String alertId = Events.newId();
            Events.send(EventType.ALERT_RAISED, new AlertRaised(Events.alert(alertId, 1, Severity.Minor,
                    TrafficStatus.TEST, List.of(Country.JPN), List.of(), List.of())));

            await().atMost(Duration.ofSeconds(30)).until(() -> webhookDelivery(alertId)
                    .map(d -> "DEAD".equals(d.get("status"))).orElse(false));
            Map<String, Object> delivery = webhookDelivery(alertId).orElseThrow();
            assertEquals(MAX_ATTEMPTS, delivery.get("attempts"));

            List<Map<String, Object>> letters = Directory.all("jp-liaison", "/api/v1/dead-letters", Map.of());
            Map<String, Object> letter = letters.stream().filter(l -> delivery.get("id").equals(l.get("deliveryId")))
                    .findFirst().orElseThrow(() -> new AssertionError("no dead letter for " + delivery.get("id")));
            assertEquals(MAX_ATTEMPTS, letter.get("attempts"));
            assertTrue(((String) letter.get("payload")).contains(alertId));
            // a closed port reads like any other failure (no port scanning through the delivery log)
            assertEquals(WebhookSender.FAILED, letter.get("reason"));
            assertEquals(WebhookSender.FAILED, delivery.get("lastError"));

            List<ConsumerRecord<String, byte[]>> published = outcomes.await(
                    r -> delivery.get("id").equals(r.key()), 1, Duration.ofSeconds(20));
            List<DeliveryStatus> statuses = published.stream()
                    .map(r -> Json.read(r.value(), DeliveryOutcome.class).status()).toList();
            // only the outcome is published, not each failed attempt
            assertEquals(List.of(DeliveryStatus.DEAD), statuses);
            assertEquals(WebhookSender.FAILED, Json.read(published.get(0).value(), DeliveryOutcome.class).error());
            // other countries' liaisons do not see JPN's dead letters
            List<Map<String, Object>> korean = Directory.all("kr-liaison", "/api/v1/dead-letters", Map.of());
            assertTrue(korean.stream().noneMatch(l -> delivery.get("id").equals(l.get("deliveryId"))));
        }
    }

    private static java.util.Optional<Map<String, Object>> webhookDelivery(String alertId) {
        return Directory.deliveriesOfAlert(alertId).stream().filter(d -> "WEBHOOK".equals(d.get("channel")))
                .findFirst();
    }

    /** What a receiver does (docs/notification.md): recompute HMAC-SHA256(secret, t + "." + body), check t. */
    private static boolean verifies(String secret, String header, String body, long nowSeconds) {
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv[0].equals("t")) {
                t = kv[1];
            } else if (kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t == null || v1 == null || Math.abs(nowSeconds - Long.parseLong(t)) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
            return java.security.MessageDigest.isEqual(HexFormat.of().formatHex(expected).getBytes(),
                    v1.getBytes());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

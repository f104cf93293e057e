package org.tcc.notification.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Country;
import org.tcc.contracts.EventType;
import org.tcc.contracts.Json;
import org.tcc.contracts.SchemaValidation;
import org.tcc.contracts.Topics;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertRaised;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.AlertUpdated;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.contracts.events.notification.DeliveryOutcome;
import org.tcc.contracts.events.notification.DeliveryStatus;
import org.tcc.notification.Directory;
import org.tcc.notification.Events;
import org.tcc.notification.SseReader;
import org.tcc.notification.TestMailServer;
import org.tcc.notification.WebhookReceiver;
import org.tcc.testsupport.KafkaProbe;
import org.tcc.testsupport.Tokens;

/** Alert events from the real broker reach exactly the entitled countries' liaisons, on every channel, once. */
@QuarkusTest
class AlertNotificationTest {

    private static final String SECRET = "test-secret-0123456789";

    @TestHTTPResource("/api/v1/notifications/stream")
    URI stream;

    @AfterEach
    void removeWebhooks() {
        Directory.clearWebhooks();
    }

    @Test
    void alertReleasableToUsaAndJapanReachesTheirLiaisonsOnEveryChannelAndNothingReachesKorea() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.accepting();
             KafkaProbe outcomes = KafkaProbe.fromNow(Topics.NOTIFICATIONS);
             SseReader usa = SseReader.open(stream, Tokens.user("us-liaison"), null);
             SseReader jpn = SseReader.open(stream, Tokens.user("jp-liaison"), null);
             SseReader kor = SseReader.open(stream, Tokens.user("kr-liaison"), null)) {
            Directory.setWebhook("USA", "us-liaison", receiver.url(), SECRET);
            Directory.setWebhook("JPN", "jp-liaison", receiver.url(), SECRET);
            Directory.setWebhook("KOR", "kr-liaison", receiver.url(), SECRET);
            String alertId = Events.newId();
            AlertState alert = Events.alert(alertId, 1, Severity.Moderate, TrafficStatus.EXERCISE,
                    List.of(Country.USA, Country.JPN), List.of(Country.JPN), List.of());

            Events.send(EventType.ALERT_RAISED, new AlertRaised(alert));

            // stream: the USA and JPN liaisons' consoles get it, labelled as exercise traffic
            await().atMost(Duration.ofSeconds(20)).until(() -> carries(usa, alertId) && carries(jpn, alertId));
            JsonNode onStream = Json.mapper().readTree(event(jpn, alertId).data());
            assertEquals("EXERCISE", onStream.path("trafficStatus").asText());
            assertEquals("[EXERCISE]", onStream.path("label").asText());
            // in the JPN liaison's language (the directory's), the label kept for mail rules in every language
            assertEquals("ja", onStream.path("language").asText());
            assertTrue(onStream.path("title").asText().startsWith("[演習 EXERCISE] "), onStream.path("title").asText());
            assertEquals(alertId, onStream.path("event").path("alert").path("alertId").asText());
            // webhook: one request per entitled liaison
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requestsContaining(alertId).size() == 2);
            Set<String> countries = receiver.requestsContaining(alertId).stream()
                    .map(r -> read(r.body()).path("country").asText()).collect(Collectors.toSet());
            assertEquals(Set.of("USA", "JPN"), countries);
            // e-mail: to each entitled liaison's address, exercise prefix in the subject
            await().atMost(Duration.ofSeconds(20)).until(() -> mails(alertId).size() == 2);
            Set<String> to = mails(alertId).stream().flatMap(m -> m.to().stream()).collect(Collectors.toSet());
            assertEquals(Set.of("us-liaison@tcc.local", "jp-liaison@tcc.local"), to);
            assertTrue(mails(alertId).stream().allMatch(m -> m.subject().matches("\\[(演習 )?EXERCISE] .*")));
            assertTrue(mails(alertId).stream().allMatch(m -> m.text().contains("EXERCISE")));
            // delivery log: four SENT deliveries (e-mail and webhook; the stream is its own log), all to USA and
            // JPN liaisons; their outcomes published
            await().atMost(Duration.ofSeconds(20)).until(() -> Directory.deliveriesOfAlert(alertId).stream()
                    .filter(d -> "SENT".equals(d.get("status"))).count() == 4);
            List<Map<String, Object>> log = Directory.deliveriesOfAlert(alertId);
            assertEquals(4, log.size());
            assertEquals(Set.of("EMAIL", "WEBHOOK"), log.stream().map(d -> (String) d.get("channel"))
                    .collect(Collectors.toSet()));
            assertEquals(Set.of("us-liaison", "jp-liaison"),
                    log.stream().map(d -> (String) d.get("recipient")).collect(Collectors.toSet()));
            List<ConsumerRecord<String, byte[]>> published = outcomes.await(
                    r -> KafkaProbe.value(r).contains(alertId) && KafkaProbe.value(r).contains("\"SENT\""), 4,
                    Duration.ofSeconds(20));
            for (ConsumerRecord<String, byte[]> r : published) {
                assertEquals(List.of(), SchemaValidation.validate(EventType.DELIVERY_OUTCOME, r.value()));
                DeliveryOutcome outcome = Json.read(r.value(), DeliveryOutcome.class);
                assertEquals(DeliveryStatus.SENT, outcome.status());
                assertEquals(outcome.deliveryId(), r.key());
                assertTrue(outcome.country() == Country.USA || outcome.country() == Country.JPN);
            }
            // nothing reaches KOR, on any channel
            assertTrue(kor.events().stream().noneMatch(e -> e.data().contains(alertId)));
            assertTrue(mails(alertId).stream().noneMatch(m -> m.to().contains("kr-liaison@tcc.local")));
            assertTrue(log.stream().noneMatch(d -> "KOR".equals(d.get("country"))));
        }
    }

    @Test
    void redeliveredEventCausesNoDuplicateNotifications() {
        try (WebhookReceiver receiver = WebhookReceiver.accepting()) {
            Directory.setWebhook("JPN", "jp-liaison", receiver.url(), SECRET);
            String alertId = Events.newId();
            AlertRaised raised = new AlertRaised(Events.alert(alertId, 1, Severity.Minor, TrafficStatus.TEST,
                    List.of(Country.JPN), List.of(), List.of()));
            String ceId = Events.newId();

            Events.send(EventType.ALERT_RAISED, raised, ceId);
            await().atMost(Duration.ofSeconds(20)).until(() -> mails(alertId).size() == 1
                    && receiver.requestsContaining(alertId).size() == 1);
            Events.send(EventType.ALERT_RAISED, raised, ceId); // the broker redelivers the same event
            Events.send(EventType.ALERT_RAISED, raised, ceId);

            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() ->
                    mails(alertId).size() == 1 && receiver.requestsContaining(alertId).size() == 1
                            && Directory.deliveriesOfAlert(alertId).size() == 2);
            assertTrue(mails(alertId).get(0).subject().startsWith("[試験 TEST] "), mails(alertId).get(0).subject());
        }
    }

    @Test
    void versionsOfOneAlertAreCoalescedOnEmailButAllOnTheStream() throws Exception {
        try (SseReader jpn = SseReader.open(stream, Tokens.user("jp-liaison"), null)) {
            String alertId = Events.newId();
            List<Country> to = List.of(Country.JPN);
            Events.send(EventType.ALERT_RAISED, new AlertRaised(Events.alert(alertId, 1, Severity.Moderate,
                    TrafficStatus.TEST, to, List.of(), List.of())));
            await().atMost(Duration.ofSeconds(20)).until(() -> liaisonMails(alertId).size() == 1);
            // a refinement that changes nothing a person acts on, then one that does (severity, affected country)
            Events.send(EventType.ALERT_UPDATED, new AlertUpdated(Events.alert(alertId, 2, Severity.Moderate,
                    TrafficStatus.TEST, to, List.of(), List.of()), List.of("launch"), "refined"));
            Events.send(EventType.ALERT_UPDATED, new AlertUpdated(Events.alert(alertId, 3, Severity.Extreme,
                    TrafficStatus.TEST, to, to, List.of()), List.of("severity", "affectedCountries"), "refined"));

            // the stream carries every version at once
            await().atMost(Duration.ofSeconds(20)).until(() -> jpn.events().stream()
                    .filter(e -> e.data().contains(alertId)).count() == 3);
            // e-mail: the first notice, then the change, no sooner than the coalescing interval after it
            await().atMost(Duration.ofSeconds(20)).until(() -> liaisonMails(alertId).size() == 2);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> liaisonMails(alertId).size() == 2);
            List<TestMailServer.Received> mails = liaisonMails(alertId);
            // the JPN liaison reads Japanese: Extreme is 極めて重大
            assertTrue(mails.get(1).text().contains("深刻度: 極めて重大"), mails.get(1).text());
            List<Map<String, Object>> log = Directory.deliveriesOfAlert(alertId).stream()
                    .filter(d -> "jp-liaison".equals(d.get("recipient"))).toList();
            assertEquals(2, log.size());
            // every e-mail carries a Message-ID derived from its delivery id, so a resend after a crash collapses
            Set<String> ids = log.stream().map(d -> "<" + d.get("id") + "@notification.tcc>")
                    .collect(Collectors.toSet());
            Set<String> sent = new java.util.HashSet<>();
            for (TestMailServer.Received m : mails) {
                sent.add(m.message().getMessageID());
            }
            assertEquals(ids, sent);
        }
    }

    @Test
    void malformedEventIsDeadLetteredWithItsReasonAndConsumptionGoesOn() {
        try (KafkaProbe dlq = KafkaProbe.fromNow(Topics.deadLetter(Topics.ALERTS))) {
            String badKey = Events.newId();
            Events.sendRaw(Topics.ALERTS, badKey, "{\"alert\": {\"alertId\": 42".getBytes(StandardCharsets.UTF_8),
                    Events.newId(), EventType.ALERT_RAISED.ceType());
            String alertId = Events.newId();
            Events.send(EventType.ALERT_RAISED, new AlertRaised(Events.alert(alertId, 1, Severity.Minor,
                    TrafficStatus.TEST, List.of(Country.USA), List.of(), List.of())));

            ConsumerRecord<String, byte[]> dead = dlq.await(r -> badKey.equals(r.key()), 1, Duration.ofSeconds(30))
                    .get(0);
            String reason = KafkaProbe.header(dead, "dead-letter-reason");
            assertTrue(reason != null && reason.contains("not valid JSON"), "reason: " + reason);
            await().atMost(Duration.ofSeconds(20)).until(() -> !Directory.deliveriesOfAlert(alertId).isEmpty());
        }
    }

    private static boolean carries(SseReader reader, String alertId) {
        return reader.events().stream().anyMatch(e -> e.data().contains(alertId));
    }

    private static SseReader.Event event(SseReader reader, String alertId) {
        return reader.events().stream().filter(e -> e.data().contains(alertId)).findFirst().orElseThrow();
    }

    private static List<TestMailServer.Received> mails(String alertId) {
        return TestMailServer.received(m -> m.subject().contains(alertId.substring(0, 8)));
    }

    /** Japan's liaison's mails about the alert (its duty officer's escalation mails left out). */
    private static List<TestMailServer.Received> liaisonMails(String alertId) {
        return TestMailServer.received(m -> m.subject().contains(alertId.substring(0, 8))
                && m.to().contains("jp-liaison@tcc.local"));
    }

    private static JsonNode read(String json) {
        return Json.read(json.getBytes(StandardCharsets.UTF_8), JsonNode.class);
    }
}

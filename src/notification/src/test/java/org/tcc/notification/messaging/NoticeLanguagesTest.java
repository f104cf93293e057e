package org.tcc.notification.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Country;
import org.tcc.contracts.EventType;
import org.tcc.contracts.Json;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertLifecycle;
import org.tcc.contracts.events.alert.AlertOrigin;
import org.tcc.contracts.events.alert.AlertRaised;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Certainty;
import org.tcc.contracts.events.alert.Region;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.contracts.events.alert.Urgency;
import org.tcc.notification.Directory;
import org.tcc.notification.Events;
import org.tcc.notification.SseReader;
import org.tcc.notification.TestMailServer;
import org.tcc.notification.WebhookReceiver;
import org.tcc.testsupport.Tokens;

/**
 * One alert from the real broker, three languages: each liaison's e-mail (through the real SMTP server), webhook and
 * stream are in the language of their directory entry, with their country's clock, while the liaison's own words and
 * every machine field are exactly as they came.
 */
@QuarkusTest
class NoticeLanguagesTest {

    private static final String SECRET = "test-secret-0123456789";
    private static final String DESCRIPTION = "Reported by the KOR duty desk: 2nd TEL moving north, don't release "
            + "before 03:30Z.\n주의: 추가 발사 가능성 / 追加発射の可能性あり";
    private static final String AREA = "Coast off Sinpo, South Hamgyong";

    @TestHTTPResource("/api/v1/notifications/stream")
    URI stream;

    @AfterEach
    void restore() {
        Directory.clearWebhooks();
        Directory.setLanguage("KOR", "kr-liaison", "ko");
    }

    private static AlertState alert(String alertId, String headline) {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return new AlertState(alertId, 1, AlertOrigin.LIAISON, Country.KOR, AlertType.MISSILE_LAUNCH,
                Region.SEA_OF_JAPAN, TrafficStatus.ACTUAL, AlertLifecycle.ACTIVE, headline, DESCRIPTION,
                Severity.Moderate, Urgency.Immediate, Certainty.Observed, AREA,
                List.of(Country.USA, Country.KOR, Country.JPN), List.of(Country.JPN), List.of(), null, now, now);
    }

    @Test
    void eachLiaisonIsToldInTheirLanguageOnEveryChannelWithTheLiaisonsTextUntouched() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.accepting();
             SseReader jpn = SseReader.open(stream, Tokens.user("jp-liaison"), null)) {
            for (String[] l : new String[][] {{"USA", "us-liaison"}, {"KOR", "kr-liaison"}, {"JPN", "jp-liaison"}}) {
                Directory.setWebhook(l[0], l[1], receiver.url(), SECRET);
            }
            String alertId = Events.newId();
            String headline = "SLBM launch " + alertId.substring(0, 8) + " off Sinpo (KOR 제2보, JPN 第2報)";
            Events.send(EventType.ALERT_RAISED, new AlertRaised(alert(alertId, headline)));

            await().atMost(Duration.ofSeconds(30)).until(() -> mails(alertId).size() == 3);
            Map<String, TestMailServer.Received> byTo = mails(alertId).stream()
                    .collect(Collectors.toMap(m -> m.to().get(0), m -> m));
            TestMailServer.Received us = byTo.get("us-liaison@tcc.local");
            TestMailServer.Received kr = byTo.get("kr-liaison@tcc.local");
            TestMailServer.Received jp = byTo.get("jp-liaison@tcc.local");
            assertEquals("TCC New Moderate missile launch alert: " + headline, us.subject());
            assertEquals("TCC [신규] 미사일 발사 경보 (심각도: 보통): " + headline, kr.subject());
            assertEquals("TCC【新規】ミサイル発射警報（深刻度: 中程度）: " + headline, jp.subject());
            assertTrue(us.text().contains("Type: missile launch, region: Sea of Japan (East Sea)"), us.text());
            assertTrue(kr.text().contains("유형: 미사일 발사, 지역: 동해"), kr.text());
            assertTrue(kr.text().contains("영향 국가: 일본"), kr.text());
            assertTrue(jp.text().contains("種別: ミサイル発射、地域: 日本海"), jp.text());
            // dates in the reader's language and their country's zone; the liaison's words exactly as written
            assertTrue(us.text().matches("(?s).*Alert raised: \\w{3} \\d{1,2}, \\d{4} \\d\\d:\\d\\d:\\d\\d E[SD]T "
                    + "\\(UTC-0[45]:00\\).*"), us.text());
            assertTrue(kr.text().matches("(?s).*경보 발령 시각: \\d{4}년 \\d{1,2}월 \\d{1,2}일 \\(.\\) "
                    + "\\d\\d:\\d\\d:\\d\\d KST \\(UTC\\+09:00\\).*"), kr.text());
            assertTrue(jp.text().matches("(?s).*警報発出時刻: \\d{4}年\\d{1,2}月\\d{1,2}日\\(.\\) "
                    + "\\d\\d:\\d\\d:\\d\\d JST \\(UTC\\+09:00\\).*"), jp.text());
            for (TestMailServer.Received m : List.of(us, kr, jp)) {
                String text = m.text().replace("\r\n", "\n");
                assertTrue(text.contains(headline + "\n"), text);
                assertTrue(text.contains("\n\n" + DESCRIPTION), text);
                assertTrue(text.contains(AREA), text);
                assertTrue(text.contains(alertId), text);
                // MIME: a UTF-8 text body, an RFC 2047-encoded subject where it is not ASCII
                assertTrue(m.message().getContentType().toLowerCase(Locale.ROOT).contains("charset=utf-8"),
                        m.message().getContentType());
            }
            assertTrue(kr.message().getHeader("Subject")[0].toUpperCase(Locale.ROOT).startsWith("=?UTF-8?"),
                    kr.message().getHeader("Subject")[0]);
            assertTrue(jp.message().getHeader("Subject")[0].toUpperCase(Locale.ROOT).startsWith("=?UTF-8?"));
            assertEquals("ko", kr.message().getHeader("Content-Language")[0]);
            assertEquals("ja", jp.message().getHeader("Content-Language")[0]);

            // webhooks: the same words in each recipient's language; every machine field as for everyone
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.requestsContaining(alertId).size() == 3);
            Map<String, JsonNode> hooks = receiver.requestsContaining(alertId).stream()
                    .map(r -> read(r.body())).collect(Collectors.toMap(n -> n.path("country").asText(), n -> n));
            assertEquals(Map.of("USA", "en", "KOR", "ko", "JPN", "ja"), hooks.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().path("language").asText())));
            assertEquals(kr.subject(), hooks.get("KOR").path("title").asText());
            assertEquals(jp.subject(), hooks.get("JPN").path("title").asText());
            for (JsonNode hook : hooks.values()) {
                assertEquals("ALERT", hook.path("kind").asText());
                assertEquals(alertId, hook.path("alertId").asText());
                assertEquals("org.tcc.alert.AlertRaised.v1", hook.path("sourceEventType").asText());
                Instant.parse(hook.path("createdAt").asText()); // ISO-8601
                assertEquals(headline, hook.path("event").path("alert").path("headline").asText());
                assertEquals(DESCRIPTION, hook.path("event").path("alert").path("description").asText());
                assertTrue(hook.path("text").asText().contains(DESCRIPTION));
            }

            // the JPN liaison's console: Japanese, as their directory entry says
            await().atMost(Duration.ofSeconds(30)).until(() -> onStream(jpn, alertId) != null);
            JsonNode live = onStream(jpn, alertId);
            assertEquals("ja", live.path("language").asText());
            assertEquals(jp.subject(), live.path("title").asText());
            assertEquals("JPN", live.path("country").asText());
            assertTrue(live.path("text").asText().contains(DESCRIPTION));
        }
    }

    @Test
    void aRecipientWhoChoseAnotherLanguageReadsItWithTheirCountrysClock() {
        Directory.setLanguage("KOR", "kr-liaison", "ja");
        String alertId = Events.newId();
        String headline = "Launch " + alertId.substring(0, 8) + " (liaison text)";
        Events.send(EventType.ALERT_RAISED, new AlertRaised(alert(alertId, headline)));

        await().atMost(Duration.ofSeconds(30)).until(() -> mails(alertId).stream()
                .anyMatch(m -> m.to().contains("kr-liaison@tcc.local")));
        TestMailServer.Received kr = mails(alertId).stream().filter(m -> m.to().contains("kr-liaison@tcc.local"))
                .findFirst().orElseThrow();
        assertEquals("TCC【新規】ミサイル発射警報（深刻度: 中程度）: " + headline, kr.subject());
        assertTrue(kr.text().contains("影響国: 日本"), kr.text());
        assertTrue(kr.text().contains(" KST (UTC+09:00)"), "Seoul's clock: " + kr.text());
        assertFalse(kr.text().contains("JST"), kr.text());
    }

    private static List<TestMailServer.Received> mails(String alertId) {
        return TestMailServer.received(m -> m.subject().contains(alertId.substring(0, 8)));
    }

    private static JsonNode onStream(SseReader reader, String alertId) {
        return reader.events().stream().filter(e -> e.data().contains(alertId)).findFirst()
                .map(e -> read(e.data())).orElse(null);
    }

    private static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

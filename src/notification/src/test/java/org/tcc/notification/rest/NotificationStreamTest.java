package org.tcc.notification.rest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Country;
import org.tcc.contracts.EventType;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertRaised;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.notification.Events;
import org.tcc.notification.SseReader;
import org.tcc.testsupport.Tokens;

/** The SSE stream with real tokens: own country only, in order, and a reconnect with Last-Event-ID loses nothing. */
@QuarkusTest
class NotificationStreamTest {

    @TestHTTPResource("/api/v1/notifications/stream")
    URI stream;

    @Test
    void japanStreamNeverCarriesKoreaOnlyEventsAndResumesWithoutGapAfterReconnect() {
        String first = raise(List.of(Country.JPN));
        await().atMost(Duration.ofSeconds(20)).until(() -> delivered(first));
        String koreaOnly;
        String lastSeenId;
        try (SseReader jpn = SseReader.open(stream, Tokens.user("jp-liaison"), null)) {
            String second = raise(List.of(Country.JPN, Country.KOR));
            koreaOnly = raise(List.of(Country.KOR));
            String third = raise(List.of(Country.JPN));
            await().atMost(Duration.ofSeconds(20)).until(() -> indexOf(jpn, third) >= 0);
            assertTrue(indexOf(jpn, first) < 0, "the stream starts after what was there when it opened");
            assertTrue(indexOf(jpn, second) < indexOf(jpn, third), "in order");
            assertTrue(jpn.events().stream().noneMatch(e -> e.data().contains(koreaOnly)));
            assertIdsContiguous(jpn.events());
            lastSeenId = jpn.events().get(jpn.events().size() - 1).id();
        }
        // while disconnected, more notifications arrive (and KOR-only ones)
        String missedA = raise(List.of(Country.USA, Country.JPN));
        String missedKorea = raise(List.of(Country.KOR));
        String missedB = raise(List.of(Country.JPN));
        await().atMost(Duration.ofSeconds(20)).until(() -> delivered(missedB));
        try (SseReader resumed = SseReader.open(stream, Tokens.user("jp-liaison"), lastSeenId)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> indexOf(resumed, missedB) >= 0);
            List<SseReader.Event> events = resumed.events();
            assertEquals(Long.parseLong(lastSeenId) + 1, Long.parseLong(events.get(0).id()),
                    "the replay starts right after Last-Event-ID");
            assertIdsContiguous(events);
            assertTrue(indexOf(resumed, missedA) >= 0 && indexOf(resumed, missedA) < indexOf(resumed, missedB));
            assertTrue(events.stream().noneMatch(e -> e.data().contains(missedKorea) || e.data().contains(koreaOnly)));
            assertTrue(events.stream().allMatch(e -> "notification".equals(e.name())
                    && e.data().contains("\"country\":\"JPN\"")));
        }
    }

    @Test
    void koreaStreamCarriesKoreaOnlyEvents() {
        try (SseReader kor = SseReader.open(stream, Tokens.user("kr-liaison"), null)) {
            String koreaOnly = raise(List.of(Country.KOR));
            await().atMost(Duration.ofSeconds(20)).until(() -> indexOf(kor, koreaOnly) >= 0);
        }
    }

    @Test
    void streamNeedsALiaisonToken() {
        assertEquals(401, SseReader.open(stream, null, null).status());
        assertEquals(403, SseReader.open(stream, Tokens.user("auditor"), null).status());
    }

    @Test
    void oneUserHoldsAtMostMaxPerUserStreams() {
        // %test.tcc.notification.stream.max-per-user=2; us-duty opens streams in this test only
        try (SseReader first = SseReader.open(stream, Tokens.user("us-duty"), null);
             SseReader second = SseReader.open(stream, Tokens.user("us-duty"), null)) {
            assertEquals(200, first.status());
            assertEquals(200, second.status());
            io.restassured.response.Response third = io.restassured.RestAssured.given()
                    .auth().oauth2(Tokens.user("us-duty")).accept("text/event-stream")
                    .get("/api/v1/notifications/stream");
            assertEquals(429, third.statusCode());
            assertTrue(third.contentType().startsWith("application/problem+json"), third.contentType());
            assertEquals(429, third.jsonPath().getInt("status"));
            // another user of the same country is not held back by it
            try (SseReader other = SseReader.open(stream, Tokens.user("us-liaison"), null)) {
                assertEquals(200, other.status());
            }
        }
    }

    @Test
    void aStreamEndsWhenItsTokenExpires() {
        String token = Tokens.shortLived("jp-duty"); // lives 10 s (client tcc-cli-short)
        java.time.Instant expiresAt = java.time.Instant.ofEpochSecond(expiry(token));
        try (SseReader jpn = SseReader.open(stream, token, null)) {
            assertEquals(200, jpn.status());
            String during = raise(List.of(Country.JPN));
            await().atMost(Duration.ofSeconds(8)).until(() -> indexOf(jpn, during) >= 0);
            await().atMost(Duration.ofSeconds(25)).until(() -> jpn.endedAt() != null);
            assertTrue(!jpn.endedAt().isBefore(expiresAt.minusMillis(1000)),
                    "ended at " + jpn.endedAt() + ", the token expired at " + expiresAt);
            assertTrue(jpn.endedAt().isBefore(expiresAt.plusSeconds(5)), "ended at " + jpn.endedAt());
            assertTrue(jpn.comments().contains("token expired"), jpn.comments().toString());
        }
    }

    /** The {@code exp} claim of a JWT (seconds). */
    private static long expiry(String jwt) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"exp\":(\\d+)").matcher(payload);
        assertTrue(m.find(), payload);
        return Long.parseLong(m.group(1));
    }

    private static String raise(List<Country> releasableTo) {
        String alertId = Events.newId();
        Events.send(EventType.ALERT_RAISED, new AlertRaised(Events.alert(alertId, 1, Severity.Minor,
                TrafficStatus.TEST, releasableTo, List.of(), List.of())));
        return alertId;
    }

    private static boolean delivered(String alertId) {
        return !org.tcc.notification.Directory.deliveriesOfAlert(alertId).isEmpty();
    }

    private static int indexOf(SseReader reader, String alertId) {
        List<SseReader.Event> events = reader.events();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).data().contains(alertId)) {
                return i;
            }
        }
        return -1;
    }

    private static void assertIdsContiguous(List<SseReader.Event> events) {
        for (int i = 1; i < events.size(); i++) {
            assertEquals(Long.parseLong(events.get(i - 1).id()) + 1, Long.parseLong(events.get(i).id()),
                    "no gap between " + events.get(i - 1).id() + " and " + events.get(i).id());
        }
    }
}

package org.tcc.notification.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Country;
import org.tcc.contracts.EventType;
import org.tcc.contracts.Json;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Region;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.contracts.events.consultation.ConsultationAlertAdded;
import org.tcc.contracts.events.consultation.ConsultationPhase;
import org.tcc.contracts.events.consultation.ConsultationState;
import org.tcc.contracts.events.consultation.Level;
import org.tcc.notification.Events;
import org.tcc.notification.SseReader;
import org.tcc.testsupport.Tokens;

/**
 * An alert added to an open consultation of its crisis ({@code ConsultationAlertAdded} on the real broker) reaches
 * the consultation's participants, and only them, saying "added to consultation …"; a redelivery tells nobody twice.
 */
@QuarkusTest
class ConsultationAlertAddedTest {

    @TestHTTPResource("/api/v1/notifications/stream")
    URI stream;

    @Inject
    EntityManager em;

    static ConsultationAlertAdded added(String consultationId, String founding, String alertId,
                                        List<Country> participants) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ConsultationState state = new ConsultationState(consultationId, founding, "Salvo toward the Sea of Japan",
                AlertType.MISSILE_LAUNCH, Region.SEA_OF_JAPAN, TrafficStatus.ACTUAL, Level.SENIOR,
                ConsultationPhase.CONVENING, participants, List.of(), 2, now, now);
        return new ConsultationAlertAdded(state, alertId, "Second missile of the salvo", Severity.Extreme, now, 2);
    }

    long entries(String eventId, Country country) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM notification WHERE source_event_id = ?1 AND country = ?2")
                .setParameter(1, eventId).setParameter(2, country.name()).getSingleResult()).longValue());
    }

    @Test
    void theParticipantsAreToldTheAlertWasAddedToTheConsultationAndNobodyElse() {
        String consultationId = Events.newId();
        String alertId = Events.newId();
        try (SseReader kor = SseReader.open(stream, Tokens.user("kr-liaison"), null)) {
            String eventId = Events.send(EventType.CONSULTATION_ALERT_ADDED,
                    added(consultationId, Events.newId(), alertId, List.of(Country.USA, Country.KOR)));
            await().atMost(Duration.ofSeconds(30)).until(() -> find(kor, eventId).isPresent());
            JsonNode notice = find(kor, eventId).orElseThrow();
            assertEquals("CONSULTATION", notice.path("kind").asText());
            assertEquals(alertId, notice.path("alertId").asText(), "about the added alert");
            assertEquals(consultationId, notice.path("consultationId").asText());
            // in the KOR liaison's language; the added alert's headline as written
            assertEquals("ko", notice.path("language").asText());
            assertTrue(notice.path("text").asText().contains("경보 " + alertId + "(Second missile of the salvo)가 협의 "
                    + consultationId), notice.path("text").asText());
            assertTrue(notice.path("title").asText().contains("협의에 경보 추가"), notice.path("title").asText());
            assertEquals(1, entries(eventId, Country.USA));
            assertEquals(1, entries(eventId, Country.KOR));
            assertEquals(0, entries(eventId, Country.JPN), "JPN is no participant: it is not told");

            // redelivered: planned once per country, already
            Events.send(EventType.CONSULTATION_ALERT_ADDED,
                    added(consultationId, Events.newId(), alertId, List.of(Country.USA, Country.KOR)), eventId);
            String marker = Events.send(EventType.CONSULTATION_ALERT_ADDED,
                    added(consultationId, Events.newId(), Events.newId(), List.of(Country.USA, Country.KOR)));
            await().atMost(Duration.ofSeconds(30)).until(() -> find(kor, marker).isPresent());
            assertEquals(1, kor.events().stream().filter(e -> e.data().contains(eventId)).count());
            assertEquals(1, entries(eventId, Country.KOR));
        }
    }

    private static Optional<JsonNode> find(SseReader reader, String eventId) {
        return reader.events().stream().filter(e -> e.data().contains(eventId)).findFirst()
                .map(e -> tree(e.data()));
    }

    private static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.tcc.notification.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Country;
import org.tcc.contracts.EventType;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.Acknowledgement;
import org.tcc.contracts.events.alert.AlertAcknowledged;
import org.tcc.contracts.events.alert.AlertRaised;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.contracts.events.consultation.ConsultationEscalated;
import org.tcc.contracts.events.consultation.ConsultationPhase;
import org.tcc.contracts.events.consultation.ConsultationState;
import org.tcc.contracts.events.consultation.Level;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Region;
import org.tcc.notification.Directory;
import org.tcc.notification.Events;
import org.tcc.notification.TestMailServer;

/**
 * Acknowledgement escalation with the test profile's 3-second timeout: silence reaches the duty officer, then the
 * senior official; an acknowledgement stops it. Consultation escalations reach the silent country's duty officer.
 */
@QuarkusTest
class EscalationTest {

    @Test
    void silenceReachesTheDutyOfficerAndAnAcknowledgementStopsFurtherEscalation() {
        String alertId = Events.newId();
        AlertState raised = Events.alert(alertId, 1, Severity.Extreme, TrafficStatus.EXERCISE,
                List.of(Country.USA, Country.JPN), List.of(Country.JPN), List.of());
        Events.send(EventType.ALERT_RAISED, new AlertRaised(raised));

        // nobody acknowledges: each country's duty officer is told
        await().atMost(Duration.ofSeconds(30)).until(() -> reached(alertId, "jp-duty") && reached(alertId, "us-duty"));
        assertTrue(!reached(alertId, "jp-senior") && !reached(alertId, "us-senior"));
        // the e-mail goes out asynchronously, after the delivery is planned
        await().atMost(Duration.ofSeconds(30)).until(() -> TestMailServer.received(m -> m.to().contains("jp-duty@tcc.local")
                && m.subject().startsWith("[演習 EXERCISE] TCC 上位通報（当直官）")
                && m.subject().contains(alertId.substring(0, 8)))
                .size() == 1);

        // JPN acknowledges; USA stays silent
        Acknowledgement ack = new Acknowledgement(Country.JPN, "jp-liaison", Instant.now());
        AlertState acknowledged = Events.alert(alertId, 2, Severity.Extreme, TrafficStatus.EXERCISE,
                List.of(Country.USA, Country.JPN), List.of(Country.JPN), List.of(ack));
        Events.send(EventType.ALERT_ACKNOWLEDGED, new AlertAcknowledged(acknowledged, ack));

        // USA's chain goes on to its end (the senior official), JPN's stops
        await().atMost(Duration.ofSeconds(30)).until(() -> reached(alertId, "us-senior"));
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> !reached(alertId, "jp-senior"));
        // nothing reaches a country the alert is not releasable to
        assertTrue(Directory.deliveriesOfAlert(alertId).stream().noneMatch(d -> "KOR".equals(d.get("country"))));
    }

    @Test
    void acknowledgedInTimeNeverEscalates() {
        String alertId = Events.newId();
        Acknowledgement ack = new Acknowledgement(Country.KOR, "kr-liaison", Instant.now());
        Events.send(EventType.ALERT_RAISED, new AlertRaised(Events.alert(alertId, 1, Severity.Severe,
                TrafficStatus.TEST, List.of(Country.KOR, Country.USA), List.of(Country.KOR), List.of())));
        Events.send(EventType.ALERT_ACKNOWLEDGED, new AlertAcknowledged(Events.alert(alertId, 2, Severity.Severe,
                TrafficStatus.TEST, List.of(Country.KOR, Country.USA), List.of(Country.KOR), List.of(ack)), ack));

        await().atMost(Duration.ofSeconds(30)).until(() -> reached(alertId, "us-duty"));
        assertTrue(!reached(alertId, "kr-duty"), "KOR acknowledged in time");
    }

    @Test
    void consultationEscalationReachesTheSilentCountrysDutyOfficer() {
        String consultationId = Events.newId();
        Instant now = Instant.now();
        ConsultationState state = new ConsultationState(consultationId, null, "Consultation " + consultationId,
                AlertType.MISSILE_LAUNCH, Region.SEA_OF_JAPAN, TrafficStatus.EXERCISE, Level.SENIOR,
                ConsultationPhase.CONVENING, List.of(Country.USA, Country.KOR, Country.JPN),
                List.of(Country.USA, Country.JPN), 3, now, now);
        Events.send(EventType.CONSULTATION_ESCALATED, new ConsultationEscalated(state, Country.KOR,
                ConsultationEscalated.MISSED_JOIN, Level.WORKING, Level.SENIOR, now));

        await().atMost(Duration.ofSeconds(30)).until(() -> consultationDeliveries(consultationId).stream()
                .anyMatch(d -> "kr-duty".equals(d.get("recipient"))));
        List<Map<String, Object>> deliveries = consultationDeliveries(consultationId);
        assertTrue(deliveries.stream().noneMatch(d -> "us-duty".equals(d.get("recipient"))
                || "jp-duty".equals(d.get("recipient"))), "only the silent country escalates");
        await().atMost(Duration.ofSeconds(20)).until(() -> consultationDeliveries(consultationId).stream()
                .map(d -> d.get("recipient")).toList()
                .containsAll(List.of("us-liaison", "kr-liaison", "jp-liaison")));
    }

    private static boolean reached(String alertId, String recipient) {
        return Directory.deliveriesOfAlert(alertId).stream().anyMatch(d -> recipient.equals(d.get("recipient")));
    }

    private static List<Map<String, Object>> consultationDeliveries(String consultationId) {
        return Directory.all("auditor", "/api/v1/deliveries", Map.of("consultationId", consultationId));
    }
}

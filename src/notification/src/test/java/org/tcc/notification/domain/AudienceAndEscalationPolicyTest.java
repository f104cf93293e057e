package org.tcc.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcc.contracts.Country.JPN;
import static org.tcc.contracts.Country.KOR;
import static org.tcc.contracts.Country.USA;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.Acknowledgement;
import org.tcc.contracts.events.alert.AlertLifecycle;
import org.tcc.contracts.events.alert.AlertOrigin;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Certainty;
import org.tcc.contracts.events.alert.Region;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.contracts.events.alert.Urgency;
import org.tcc.contracts.events.consultation.Level;

class AudienceAndEscalationPolicyTest {

    @Test
    void onlyEntitledCountriesAffectedFirst() {
        assertEquals(List.of(JPN, USA), Audience.ordered(List.of(USA, JPN), List.of(JPN)));
        assertEquals(List.of(USA, JPN), Audience.ordered(List.of(USA, JPN), List.of(KOR)));
        assertEquals(List.of(), Audience.ordered(null, List.of(KOR)));
        assertEquals(0, Audience.priority(JPN, List.of(JPN)));
        assertEquals(1, Audience.priority(USA, List.of(JPN)));
    }

    @Test
    void onlyActiveSevereOrExtremeAlertsEscalate() {
        assertTrue(EscalationPolicy.escalates(alert(Severity.Extreme, AlertLifecycle.ACTIVE, List.of())));
        assertTrue(EscalationPolicy.escalates(alert(Severity.Severe, AlertLifecycle.ACTIVE, List.of())));
        assertFalse(EscalationPolicy.escalates(alert(Severity.Moderate, AlertLifecycle.ACTIVE, List.of())));
        assertFalse(EscalationPolicy.escalates(alert(Severity.Extreme, AlertLifecycle.CANCELLED, List.of())));
    }

    @Test
    void countriesThatAcknowledgedAreNotAwaited() {
        AlertState alert = alert(Severity.Extreme, AlertLifecycle.ACTIVE,
                List.of(new Acknowledgement(USA, "us-liaison", Instant.now())));
        assertEquals(List.of(JPN), EscalationPolicy.awaitingAcknowledgement(alert));
        assertEquals(EnumSet.of(USA), EscalationPolicy.acknowledged(alert));
    }

    @Test
    void chainAdvancesThroughStaffedStepsToItsEnd() {
        TreeSet<ChainStep> all = new TreeSet<>(EnumSet.allOf(ChainStep.class));
        assertEquals(Optional.of(ChainStep.DUTY_OFFICER), EscalationPolicy.nextStep(ChainStep.LIAISON, all));
        assertEquals(Optional.of(ChainStep.SENIOR_OFFICIAL), EscalationPolicy.nextStep(ChainStep.DUTY_OFFICER, all));
        assertEquals(Optional.empty(), EscalationPolicy.nextStep(ChainStep.SENIOR_OFFICIAL, all));
        TreeSet<ChainStep> noDuty = new TreeSet<>(EnumSet.of(ChainStep.LIAISON, ChainStep.SENIOR_OFFICIAL));
        assertEquals(Optional.of(ChainStep.SENIOR_OFFICIAL), EscalationPolicy.nextStep(ChainStep.LIAISON, noDuty));
    }

    @Test
    void consultationEscalationReachesDutyOfficerOrSeniorOfficial() {
        TreeSet<ChainStep> all = new TreeSet<>(EnumSet.allOf(ChainStep.class));
        assertEquals(Optional.of(ChainStep.DUTY_OFFICER), EscalationPolicy.stepForConsultationLevel(Level.SENIOR, all));
        assertEquals(Optional.of(ChainStep.SENIOR_OFFICIAL),
                EscalationPolicy.stepForConsultationLevel(Level.MINISTERIAL, all));
        TreeSet<ChainStep> liaisonsOnly = new TreeSet<>(EnumSet.of(ChainStep.LIAISON));
        assertEquals(Optional.empty(), EscalationPolicy.stepForConsultationLevel(Level.SENIOR, liaisonsOnly));
    }

    @Test
    void practiceTrafficIsLabelled() {
        AlertState alert = alert(Severity.Extreme, AlertLifecycle.ACTIVE, List.of());
        Notice notice = Notices.alert("AlertRaised", alert);
        assertTrue(notice.title().startsWith("[EXERCISE] "), notice.title());
        assertTrue(notice.text().startsWith("THIS IS EXERCISE TRAFFIC"));
        assertEquals("", Notice.label(TrafficStatus.ACTUAL));
        assertEquals("[TEST]", Notice.label(TrafficStatus.TEST));
    }

    @Test
    void webhookUrlsMustBeHttpsExceptLocalhostWhereAllowed() {
        assertEquals(Optional.empty(), WebhookUrls.problem("https://hooks.example.org/tcc", false));
        assertTrue(WebhookUrls.problem("http://hooks.example.org/tcc", true).isPresent());
        assertTrue(WebhookUrls.problem("http://127.0.0.1:9000/hook", false).isPresent());
        assertEquals(Optional.empty(), WebhookUrls.problem("http://127.0.0.1:9000/hook", true));
        assertTrue(WebhookUrls.problem("https://user:pw@hooks.example.org/", false).isPresent());
        assertTrue(WebhookUrls.problem("not a url", false).isPresent());
    }

    private static AlertState alert(Severity severity, AlertLifecycle lifecycle, List<Acknowledgement> acks) {
        Instant now = Instant.now();
        return new AlertState("6f0e1c4a-1f7e-4a0b-9a51-7c2d3e4f5a6b", 1, AlertOrigin.LIAISON, Country.USA,
                AlertType.MISSILE_LAUNCH, Region.SEA_OF_JAPAN, TrafficStatus.EXERCISE, lifecycle, "Launch", null,
                severity, Urgency.Immediate, Certainty.Observed, null, List.of(USA, JPN), List.of(JPN), acks, null,
                now, now);
    }
}

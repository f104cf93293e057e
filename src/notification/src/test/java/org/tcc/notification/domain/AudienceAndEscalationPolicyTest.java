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
        assertTrue(NoticeRenderer.render(notice, Language.EN, Country.USA).title().startsWith("[EXERCISE] "), NoticeRenderer.render(notice, Language.EN, Country.USA).title());
        assertTrue(NoticeRenderer.render(notice, Language.EN, Country.USA).text().startsWith("THIS IS EXERCISE TRAFFIC"));
        assertEquals("", Notice.label(TrafficStatus.ACTUAL));
        assertEquals("[TEST]", Notice.label(TrafficStatus.TEST));
    }

    @Test
    void webhookUrlsMustBeHttpsExceptLocalhostWhereAllowed() {
        WebhookTargets.Policy none = WebhookTargets.Policy.NONE;
        WebhookTargets.Policy loopback = WebhookTargets.Policy.of(List.of("127.0.0.1/32"));
        assertEquals(Optional.empty(), WebhookUrls.problem("https://hooks.example.org/tcc", false, none));
        assertTrue(WebhookUrls.problem("http://hooks.example.org/tcc", true, loopback).isPresent());
        assertTrue(WebhookUrls.problem("http://127.0.0.1:9000/hook", false, loopback).isPresent());
        assertEquals(Optional.empty(), WebhookUrls.problem("http://127.0.0.1:9000/hook", true, loopback));
        assertTrue(WebhookUrls.problem("https://user:pw@hooks.example.org/", false, none).isPresent());
        assertTrue(WebhookUrls.problem("not a url", false, none).isPresent());
    }

    @Test
    void webhookUrlsNamingANonPublicAddressAreRefusedUnlessAllowListed() {
        WebhookTargets.Policy none = WebhookTargets.Policy.NONE;
        for (String url : List.of("http://127.0.0.1:9000/hook", "https://10.0.0.1/hook", "https://172.16.5.4/",
                "https://192.168.1.1/", "https://169.254.169.254/latest/meta-data/", "https://100.64.0.1/",
                "https://0.0.0.0/", "https://[::1]/", "https://[fd00::1]/", "https://[fe80::1]/",
                "https://[::ffff:127.0.0.1]/", "https://[::ffff:a9fe:a9fe]/", "https://224.0.0.1/",
                "https://255.255.255.255/")) {
            assertTrue(WebhookUrls.problem(url, true, none).isPresent(), url);
        }
        // the plain-http exemption for localhost does not exempt it from the address check
        assertTrue(WebhookUrls.problem("http://127.0.0.1:9000/hook", true, none).isPresent());
        assertEquals(Optional.empty(), WebhookUrls.problem("https://10.1.2.3/hook", false,
                WebhookTargets.Policy.of(List.of("10.1.0.0/16"))));
        // a host name is resolved and checked when sending, not when registering
        assertEquals(Optional.empty(), WebhookUrls.problem("https://hooks.internal/x", false, none));
    }

    private static AlertState alert(Severity severity, AlertLifecycle lifecycle, List<Acknowledgement> acks) {
        Instant now = Instant.now();
        return new AlertState("6f0e1c4a-1f7e-4a0b-9a51-7c2d3e4f5a6b", 1, AlertOrigin.LIAISON, Country.USA,
                AlertType.MISSILE_LAUNCH, Region.SEA_OF_JAPAN, TrafficStatus.EXERCISE, lifecycle, "Launch", null,
                severity, Urgency.Immediate, Certainty.Observed, null, List.of(USA, JPN), List.of(JPN), acks, null,
                now, now);
    }
}

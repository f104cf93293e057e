package org.tcc.ingestion.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.Actor;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.Acknowledgement;
import org.tcc.contracts.events.alert.AlertAcknowledged;
import org.tcc.contracts.events.alert.AlertCancelled;
import org.tcc.contracts.events.alert.AlertLifecycle;
import org.tcc.contracts.events.alert.AlertOrigin;
import org.tcc.contracts.events.alert.AlertRaised;
import org.tcc.contracts.events.alert.AlertResolved;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.AlertUpdated;
import org.tcc.contracts.events.alert.AppliedReport;
import org.tcc.contracts.events.alert.Certainty;
import org.tcc.contracts.events.alert.Region;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.contracts.events.alert.Urgency;
import org.tcc.ingestion.domain.AlertVersions.Change;
import org.tcc.ingestion.domain.AlertVersions.Summary;
import org.tcc.ingestion.domain.AlertVersions.Who;

/** Each alert event gives its version's history entry: the change, its moment, who made it, the alert after. */
class AlertVersionsTest {

    private static final Instant RAISED_AT = Instant.parse("2026-12-01T03:00:00Z");

    private static AlertState alert(long version, AlertLifecycle lifecycle, Severity severity, Instant updatedAt) {
        return new AlertState("6f1c2a8e-0b1d-4c5e-9f00-1a2b3c4d5e6f", version, AlertOrigin.SENSOR, Country.KOR,
                AlertType.MISSILE_LAUNCH, Region.SEA_OF_JAPAN, TrafficStatus.ACTUAL, lifecycle,
                "Missile launch, impact in JPN EEZ", null, severity, Urgency.Immediate, Certainty.Observed, null,
                List.of(Country.KOR, Country.USA, Country.JPN), List.of(Country.JPN), List.of(), null, RAISED_AT,
                updatedAt);
    }

    @Test
    void aSensorRaiseNamesTheRaisingCountryAndTheSensorsOfItsReports() {
        AlertRaised raised = new AlertRaised(alert(0, AlertLifecycle.ACTIVE, Severity.Severe, RAISED_AT),
                List.of(new AppliedReport("kr-greenpine-1", "r-1"), new AppliedReport("us-tpy2-kyogamisaki", "r-2"),
                        new AppliedReport("kr-greenpine-1", "r-3")));
        assertEquals(new Summary(0, Change.RAISED, RAISED_AT,
                new Who(Country.KOR, null, List.of("kr-greenpine-1", "us-tpy2-kyogamisaki")), null, null,
                Severity.Severe, AlertLifecycle.ACTIVE, "Missile launch, impact in JPN EEZ", List.of(Country.JPN)),
                AlertVersions.of(raised));
    }

    @Test
    void aLiaisonRaiseNamesTheActingCountryAndNoSensors() {
        Summary summary = AlertVersions.of(new AlertRaised(alert(0, AlertLifecycle.ACTIVE, Severity.Severe,
                RAISED_AT)), Country.USA);
        assertEquals(new Who(Country.USA, null, null), summary.who());
    }

    @Test
    void aSensorRefinementNamesItsSensorsAndChangedFields() {
        Instant at = RAISED_AT.plusSeconds(40);
        Summary summary = AlertVersions.of(new AlertUpdated(alert(1, AlertLifecycle.ACTIVE, Severity.Extreme, at),
                List.of("launch", "severity"), null, List.of(new AppliedReport("jp-fps5-sado", "r-9"))));
        assertEquals(Change.UPDATED, summary.change());
        assertEquals(1, summary.version());
        assertEquals(at, summary.changedAt());
        assertEquals(new Who(null, null, List.of("jp-fps5-sado")), summary.who());
        assertEquals(List.of("launch", "severity"), summary.changedFields());
        assertEquals(Severity.Extreme, summary.severity());
    }

    @Test
    void aLiaisonUpdateNamesTheChangedFieldsTheReasonAndTheActingCountry() {
        Summary summary = AlertVersions.of(new AlertUpdated(alert(2, AlertLifecycle.ACTIVE, Severity.Moderate,
                RAISED_AT), List.of("severity"), "downgraded after review"), Country.KOR);
        assertEquals(new Who(Country.KOR, null, null), summary.who());
        assertEquals(List.of("severity"), summary.changedFields());
        assertEquals("downgraded after review", summary.reason());
    }

    @Test
    void anAcknowledgementNamesTheAcknowledgingCountryAndSubject() {
        Acknowledgement ack = new Acknowledgement(Country.JPN, "jp-liaison", RAISED_AT.plusSeconds(60));
        Summary summary = AlertVersions.of(new AlertAcknowledged(alert(3, AlertLifecycle.ACTIVE, Severity.Severe,
                RAISED_AT.plusSeconds(60)), ack), Country.USA);
        assertEquals(Change.ACKNOWLEDGED, summary.change());
        assertEquals(new Who(Country.JPN, "jp-liaison", null), summary.who());
        assertNull(summary.changedFields());
    }

    @Test
    void cancellationAndResolutionNameTheirActorAndReason() {
        Summary cancelled = AlertVersions.of(new AlertCancelled(alert(4, AlertLifecycle.CANCELLED, Severity.Severe,
                RAISED_AT), new Actor("kr-liaison", Country.KOR), "false alarm"));
        assertEquals(Change.CANCELLED, cancelled.change());
        assertEquals(AlertLifecycle.CANCELLED, cancelled.lifecycle());
        assertEquals(new Who(Country.KOR, "kr-liaison", null), cancelled.who());
        assertEquals("false alarm", cancelled.reason());

        Summary byPolicy = AlertVersions.of(new AlertResolved(alert(5, AlertLifecycle.RESOLVED, Severity.Severe,
                RAISED_AT), null, null));
        assertEquals(Change.RESOLVED, byPolicy.change());
        assertEquals(new Who(null, null, null), byPolicy.who(), "resolved by policy: nobody");
    }
}

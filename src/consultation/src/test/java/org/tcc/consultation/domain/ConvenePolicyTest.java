package org.tcc.consultation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertLifecycle;
import org.tcc.contracts.events.alert.AlertOrigin;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Certainty;
import org.tcc.contracts.events.alert.Region;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.contracts.events.alert.Urgency;
import org.tcc.contracts.events.consultation.Level;

class ConvenePolicyTest {

    static final ConvenePolicy POLICY = new ConvenePolicy(
            EnumSet.of(AlertType.MISSILE_LAUNCH, AlertType.NUCLEAR_TEST), EnumSet.allOf(Region.class),
            EnumSet.of(TrafficStatus.ACTUAL, TrafficStatus.EXERCISE), Severity.Severe, EnumSet.of(Severity.Extreme),
            false, 2);

    static AlertState alert(AlertType type, Severity severity, TrafficStatus status, List<Country> releasableTo) {
        Instant now = Instant.parse("2026-03-14T21:07:15Z");
        return new AlertState("3f6c2b1e-8a4d-4c1e-9b7a-2d5e8f0a1c34", 1, AlertOrigin.SENSOR, Country.KOR, type,
                Region.SEA_OF_JAPAN, status, AlertLifecycle.ACTIVE, "h", null, severity, Urgency.Immediate,
                Certainty.Observed, null, releasableTo, List.of(Country.JPN), List.of(), null, now, now);
    }

    @Test
    void anExtremeMissileLaunchConvenesAtSeniorLevelWithEveryReleasableCountry() {
        ConvenePolicy.Convene c = assertInstanceOf(ConvenePolicy.Convene.class, POLICY.decide(
                alert(AlertType.MISSILE_LAUNCH, Severity.Extreme, TrafficStatus.EXERCISE, List.of(Country.JPN,
                        Country.USA, Country.KOR))));
        assertEquals(Level.SENIOR, c.level());
        assertEquals(EnumSet.allOf(Country.class), c.participants());
    }

    @Test
    void aSevereAlertConvenesAtWorkingLevel() {
        ConvenePolicy.Convene c = assertInstanceOf(ConvenePolicy.Convene.class, POLICY.decide(
                alert(AlertType.NUCLEAR_TEST, Severity.Severe, TrafficStatus.ACTUAL, List.of(Country.KOR,
                        Country.USA))));
        assertEquals(Level.WORKING, c.level());
        assertEquals(EnumSet.of(Country.KOR, Country.USA), c.participants());
    }

    @Test
    void alertsOutsideThePolicyDoNotConvene() {
        List<Country> all = List.of(Country.USA, Country.KOR, Country.JPN);
        assertInstanceOf(ConvenePolicy.Skip.class,
                POLICY.decide(alert(AlertType.CYBER_INCIDENT, Severity.Extreme, TrafficStatus.ACTUAL, all)));
        assertInstanceOf(ConvenePolicy.Skip.class,
                POLICY.decide(alert(AlertType.MISSILE_LAUNCH, Severity.Moderate, TrafficStatus.ACTUAL, all)));
        assertInstanceOf(ConvenePolicy.Skip.class,
                POLICY.decide(alert(AlertType.MISSILE_LAUNCH, Severity.Unknown, TrafficStatus.ACTUAL, all)));
        assertInstanceOf(ConvenePolicy.Skip.class,
                POLICY.decide(alert(AlertType.MISSILE_LAUNCH, Severity.Extreme, TrafficStatus.TEST, all)));
        assertInstanceOf(ConvenePolicy.Skip.class, POLICY.decide(
                alert(AlertType.MISSILE_LAUNCH, Severity.Extreme, TrafficStatus.ACTUAL, List.of(Country.KOR))));
    }

    @Test
    void requiringAnAffectedParticipant() {
        ConvenePolicy strict = new ConvenePolicy(EnumSet.allOf(AlertType.class), EnumSet.allOf(Region.class),
                EnumSet.allOf(TrafficStatus.class), Severity.Minor, EnumSet.noneOf(Severity.class), true, 2);
        assertInstanceOf(ConvenePolicy.Skip.class, strict.decide(
                alert(AlertType.OTHER, Severity.Minor, TrafficStatus.ACTUAL, List.of(Country.USA, Country.KOR))));
        assertInstanceOf(ConvenePolicy.Convene.class, strict.decide(
                alert(AlertType.OTHER, Severity.Minor, TrafficStatus.ACTUAL, List.of(Country.USA, Country.JPN))));
    }
}

package org.tcc.consultation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Region;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.contracts.events.consultation.ConsultationAlertAdded;
import org.tcc.contracts.events.consultation.ConsultationPhase;
import org.tcc.contracts.events.consultation.Level;

/** Which alerts join an open consultation of their crisis, and what joining does to the consultation. */
class CrisisGroupingTest {

    static final Instant T0 = Instant.parse("2026-03-14T21:07:20Z");
    static final CrisisGrouping GROUPING = new CrisisGrouping(Duration.ofMinutes(30));
    static final CrisisGrouping.Key SALVO = new CrisisGrouping.Key(AlertType.MISSILE_LAUNCH, Region.SEA_OF_JAPAN,
            TrafficStatus.ACTUAL);
    static final Set<Country> ALL = EnumSet.allOf(Country.class);
    static final Set<Country> US_KR = EnumSet.of(Country.USA, Country.KOR);

    static CrisisGrouping.Open open(String id, CrisisGrouping.Key key, Set<Country> participants, Instant first,
                                    Instant last) {
        return new CrisisGrouping.Open(id, key, participants, first, last);
    }

    @Test
    void anAlertOfTheSameCrisisJoinsTheOpenConsultation() {
        CrisisGrouping.Decision d = GROUPING.group(SALVO, ALL, T0.plusSeconds(15),
                List.of(open("c-1", SALVO, ALL, T0, T0)));
        assertEquals(new CrisisGrouping.Join("c-1"), d);
    }

    @Test
    void anotherTypeRegionOrTrafficStatusIsAnotherCrisis() {
        List<CrisisGrouping.Open> open = List.of(open("c-1", SALVO, ALL, T0, T0));
        for (CrisisGrouping.Key other : List.of(
                new CrisisGrouping.Key(AlertType.NUCLEAR_TEST, Region.SEA_OF_JAPAN, TrafficStatus.ACTUAL),
                new CrisisGrouping.Key(AlertType.MISSILE_LAUNCH, Region.EAST_CHINA_SEA, TrafficStatus.ACTUAL),
                new CrisisGrouping.Key(AlertType.MISSILE_LAUNCH, Region.SEA_OF_JAPAN, TrafficStatus.EXERCISE))) {
            CrisisGrouping.Decision d = GROUPING.group(other, ALL, T0.plusSeconds(15), open);
            assertInstanceOf(CrisisGrouping.ConveneOwn.class, d, other.toString());
        }
    }

    @Test
    void theWindowSlidesWithTheLatestAlertAndEndsThere() {
        List<CrisisGrouping.Open> open = List.of(open("c-1", SALVO, ALL, T0, T0.plus(Duration.ofMinutes(50))));
        assertEquals(new CrisisGrouping.Join("c-1"),
                GROUPING.group(SALVO, ALL, T0.plus(Duration.ofMinutes(80)), open), "30 min after the latest");
        assertInstanceOf(CrisisGrouping.ConveneOwn.class,
                GROUPING.group(SALVO, ALL, T0.plus(Duration.ofMinutes(80)).plusSeconds(1), open));
        assertEquals(new CrisisGrouping.Join("c-1"),
                GROUPING.group(SALVO, ALL, T0.minus(Duration.ofMinutes(30)), open), "a late report of an early launch");
        assertInstanceOf(CrisisGrouping.ConveneOwn.class,
                GROUPING.group(SALVO, ALL, T0.minus(Duration.ofMinutes(31)), open));
    }

    @Test
    void anAlertReleasableToFewerCountriesGetsItsOwnConsultation() {
        CrisisGrouping.Decision d = GROUPING.group(SALVO, US_KR, T0.plusSeconds(15),
                List.of(open("c-1", SALVO, ALL, T0, T0)));
        CrisisGrouping.ConveneOwn own = assertInstanceOf(CrisisGrouping.ConveneOwn.class, d);
        assertTrue(own.reason().contains("fewer countries"), own.reason());
    }

    @Test
    void anAlertReleasableToMoreCountriesGetsItsOwnConsultationSoTheyAreConsulted() {
        CrisisGrouping.Decision d = GROUPING.group(SALVO, ALL, T0.plusSeconds(15),
                List.of(open("c-1", SALVO, US_KR, T0, T0)));
        CrisisGrouping.ConveneOwn own = assertInstanceOf(CrisisGrouping.ConveneOwn.class, d);
        assertTrue(own.reason().contains("more countries") && own.reason().contains("[JPN]"), own.reason());
    }

    @Test
    void ofTwoMatchingConsultationsTheOneOfEqualParticipantsAndLatestAlertWins() {
        List<CrisisGrouping.Open> open = List.of(
                open("c-old", SALVO, ALL, T0, T0.plusSeconds(60)),
                open("c-narrow", SALVO, US_KR, T0, T0.plusSeconds(300)),
                open("c-new", SALVO, ALL, T0, T0.plusSeconds(120)));
        assertEquals(new CrisisGrouping.Join("c-new"), GROUPING.group(SALVO, ALL, T0.plusSeconds(400), open));
        assertEquals(new CrisisGrouping.Join("c-narrow"), GROUPING.group(SALVO, US_KR, T0.plusSeconds(400), open));
    }

    @Test
    void aZeroWindowTurnsGroupingOff() {
        CrisisGrouping off = new CrisisGrouping(Duration.ZERO);
        assertInstanceOf(CrisisGrouping.ConveneOwn.class,
                off.group(SALVO, ALL, T0, List.of(open("c-1", SALVO, ALL, T0, T0))));
    }

    // ------------------------------------------------------------------------------------ adding an alert

    @Test
    void addingAnAlertListsItAnnouncesItAndRaisesTheLevelNeverLowersIt() {
        Consultation c = Consultation.convene(new Consultation.Convening("c-1", "a-1", "salvo",
                AlertType.MISSILE_LAUNCH, Region.SEA_OF_JAPAN, TrafficStatus.ACTUAL, Level.WORKING, ALL, null), T0,
                ConsultationTest.DEADLINES).consultation();
        Outcome.Applied added = ConsultationTest.applied(c.addAlert("a-2", "second launch", Severity.Extreme,
                T0.plusSeconds(15), Level.SENIOR, T0.plusSeconds(20)));
        assertEquals(List.of("a-1", "a-2"), c.alertIds());
        assertEquals("a-1", c.alertId(), "the founding alert stays");
        assertEquals(Level.SENIOR, c.level());
        assertEquals(2, c.version());
        assertEquals(ConsultationPhase.CONVENING, added.after());
        ConsultationAlertAdded event = (ConsultationAlertAdded) added.events().get(0);
        assertEquals("a-2", event.alertId());
        assertEquals(2, event.alertCount());
        assertEquals("a-1", event.consultation().alertId());

        ConsultationTest.applied(c.addAlert("a-3", "third launch", Severity.Severe, T0.plusSeconds(30),
                Level.WORKING, T0.plusSeconds(40)));
        assertEquals(Level.SENIOR, c.level(), "a lesser alert does not lower the level");
        assertEquals(Refusal.ALREADY_DONE, ConsultationTest.refused(c.addAlert("a-3", "again", Severity.Severe,
                T0.plusSeconds(30), Level.WORKING, T0.plusSeconds(50))).refusal());
        assertEquals(3, c.version(), "a refused addition changes nothing");
    }

    @Test
    void aConsultationReadWithoutItsAlertListTakesTheNextAlertByCount() {
        Consultation listed = Consultation.convene(new Consultation.Convening("c-7", "a-1", "salvo",
                AlertType.MISSILE_LAUNCH, Region.SEA_OF_JAPAN, TrafficStatus.ACTUAL, Level.WORKING, ALL, null), T0,
                ConsultationTest.DEADLINES).consultation();
        // as the joining path reads a crisis of 1,000 alerts: its count, not its list
        Consultation counted = new Consultation(listed.id(), "a-1", null, 1_000, listed.subject(), listed.type(),
                listed.region(), listed.status(), listed.level(), listed.phase(), listed.version(),
                listed.convenedBy(), listed.convenedAt(), listed.updatedAt(), listed.participants(), null, null,
                null, null);
        Outcome.Applied added = ConsultationTest.applied(counted.addAlert("a-1001", "next launch", Severity.Severe,
                T0.plusSeconds(15), Level.WORKING, T0.plusSeconds(20)));
        assertEquals(1_001, ((ConsultationAlertAdded) added.events().get(0)).alertCount());
        assertEquals(1_001, counted.alertCount());
        assertThrows(IllegalStateException.class, counted::alertIds, "no partial list passes for the whole");
    }

    @Test
    void noAlertJoinsAFinishedConsultation() {
        for (Consultation c : List.of(ConsultationTest.concluded(), ConsultationTest.closed(),
                ConsultationTest.cancelled())) {
            long version = c.version();
            assertEquals(Refusal.ILLEGAL_IN_PHASE, ConsultationTest.refused(c.addAlert("a-9", "late", Severity.Severe,
                    T0, Level.WORKING, T0)).refusal(), c.phase().name());
            assertEquals(version, c.version());
        }
    }

    @Test
    void theAddedEventMatchesItsSchema() {
        Consultation c = ConsultationTest.inSession();
        Outcome.Applied added = ConsultationTest.applied(c.addAlert("3f6c2b1e-8a4d-4c1e-9b7a-2d5e8f0a1c35",
                "second launch", Severity.Extreme, T0, Level.WORKING, T0.plusSeconds(60)));
        ConsultationTest.assertMatchesSchema(added.events().get(0));
    }
}

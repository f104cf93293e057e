package org.tcc.ingestion.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tcc.ingestion.domain.TestReports.JAPAN_EEZ;
import static org.tcc.ingestion.domain.TestReports.OPEN_SEA;
import static org.tcc.ingestion.domain.TestReports.PYONGYANG;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.GeoPoint;
import org.tcc.contracts.events.alert.Certainty;
import org.tcc.contracts.events.alert.LaunchEstimate;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.contracts.events.alert.Urgency;
import org.tcc.contracts.events.feed.MissileClass;
import org.tcc.contracts.events.feed.TrackPoint;
import org.tcc.ingestion.config.ZonesFixture;

class ImpactAssessmentTest {

    private final ImpactAssessment assessment = new ImpactAssessment(ZonesFixture.defaults());

    private static LaunchEstimate launch(GeoPoint impact, MissileClass missileClass, double confidence) {
        return new LaunchEstimate(PYONGYANG, impact, 6000.0, 1000.0, 4000, missileClass, confidence,
                List.of("jp-fps5-sado"), Instant.parse("2026-11-29T03:14:07Z"));
    }

    @Test
    void impactInsideJapansEezIsExtremeAndImmediateForJapan() {
        ImpactAssessment.Result result = assessment.assess(launch(JAPAN_EEZ, MissileClass.ICBM, 0.95), List.of(), 1);
        assertEquals(Severity.Extreme, result.severity());
        assertEquals(Urgency.Immediate, result.urgency());
        assertEquals(Certainty.Observed, result.certainty());
        assertEquals(Set.of(Country.JPN), result.affected());
    }

    @Test
    void ballisticLaunchOutsideEveryZoneIsSevereAndNamesNoCountry() {
        ImpactAssessment.Result result = assessment.assess(launch(OPEN_SEA, MissileClass.IRBM, 0.6), List.of(), 1);
        assertEquals(Severity.Severe, result.severity());
        assertEquals(Set.of(), result.affected());
        assertEquals(Certainty.Likely, result.certainty());
    }

    @Test
    void spaceLaunchOutsideEveryZoneIsModerate() {
        assertEquals(Severity.Moderate,
                assessment.assess(launch(new GeoPoint(30.0, 125.0), MissileClass.SLV, 0.9), List.of(), 2).severity());
    }

    @Test
    void trackOverJapaneseTerritoryMakesJapanAffectedEvenWithImpactInThePacific() {
        Instant t = Instant.parse("2026-11-29T03:20:00Z");
        List<TrackPoint> overHokkaido = List.of(new TrackPoint(t, 40.0, 133.0, 500),
                new TrackPoint(t.plusSeconds(120), 43.0, 142.5, 800), new TrackPoint(t.plusSeconds(300), 41.0, 160.0, 100));
        ImpactAssessment.Result result = assessment.assess(launch(new GeoPoint(41.0, 160.0), MissileClass.IRBM, 0.9),
                overHokkaido, 3);
        assertEquals(Severity.Extreme, result.severity());
        assertEquals(Set.of(Country.JPN), result.affected());
    }

    @Test
    void impactNearGuamConcernsTheUnitedStates() {
        assertEquals(Set.of(Country.USA),
                assessment.assess(launch(new GeoPoint(14.5, 145.5), MissileClass.IRBM, 0.9), List.of(), 1).affected());
    }

    @Test
    void impactInKoreanWatersConcernsKorea() {
        assertEquals(Set.of(Country.KOR),
                assessment.assess(launch(new GeoPoint(37.0, 130.2), MissileClass.SRBM, 0.9), List.of(), 1).affected());
    }
}

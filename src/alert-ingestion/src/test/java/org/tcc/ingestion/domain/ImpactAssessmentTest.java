package org.tcc.ingestion.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcc.ingestion.domain.TestReports.JAPAN_EEZ;
import static org.tcc.ingestion.domain.TestReports.OPEN_SEA;
import static org.tcc.ingestion.domain.TestReports.PYONGYANG;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.GeoPoint;
import org.tcc.contracts.events.alert.Certainty;
import org.tcc.contracts.events.alert.LaunchEstimate;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.contracts.events.alert.Threat;
import org.tcc.contracts.events.alert.ThreatKind;
import org.tcc.contracts.events.alert.Urgency;
import org.tcc.contracts.events.feed.MissileClass;
import org.tcc.contracts.events.feed.TrackPoint;
import org.tcc.ingestion.config.ZonesFixture;

/**
 * Known points against the shipped zones (Natural Earth coastlines, 200-nmi buffers split at the median line), for
 * each of the three countries: inside the territory, inside the EEZ on both sides of a median line, outside, in a
 * disputed area; and overflights, including across the antimeridian.
 */
class ImpactAssessmentTest {

    /** Mupyong-ni, Jagang Province: the launch site of the 4 October 2022 Hwasong-12 (approximate). */
    static final GeoPoint MUPYONG_NI = new GeoPoint(40.6, 126.4);
    /**
     * The Pacific about 3,200 km east of Japan, outside every EEZ, on a great circle from Mupyong-ni over Aomori
     * (constructed from public reporting of the 2022 Hwasong-12: about 4,500 km flown, over Aomori Prefecture).
     */
    static final GeoPoint PACIFIC_EAST_OF_JAPAN = new GeoPoint(33.0, 177.5);

    private static final ImpactAssessment ASSESSMENT = new ImpactAssessment(ZonesFixture.defaults());

    private static LaunchEstimate launch(GeoPoint from, GeoPoint impact, MissileClass missileClass,
                                         double confidence) {
        return new LaunchEstimate(from, impact, 6000.0, 1000.0, 4000, missileClass, confidence,
                List.of("jp-fps5-sado"), Instant.parse("2026-11-29T03:14:07Z"));
    }

    private static ImpactAssessment.Result impactAt(double lat, double lon) {
        // launched from the impact point itself: no track to overfly anything, only the impact counts
        GeoPoint p = new GeoPoint(lat, lon);
        return ASSESSMENT.assess(launch(p, p, MissileClass.IRBM, 0.9), List.of(), 1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        // --- Japan
        "Tokyo, Japanese territory;                               35.68;  139.76;  JPN;     IMPACT_TERRITORY; false",
        "2017 Hwasong-15, ~250 km west of Aomori (MoD: in EEZ);    40.8;   137.0;   JPN;     IMPACT_EEZ;       false",
        "Sea of Japan, west of Aomori (40.7N 137.6E);              40.7;   137.6;   JPN;     IMPACT_EEZ;       false",
        "Minamitorishima waters, far east of Honshu;               24.3;   155.5;   JPN;     IMPACT_EEZ;       false",
        "KOR-JPN median, Japan's side (Sea of Japan south);        35.42;  130.87;  JPN;     IMPACT_EEZ;       false",
        "JPN-USA median, Japan's side (Iwo Islands-Marianas);      22.45;  143.10;  JPN;     IMPACT_EEZ;       false",
        "East China Sea, median line to Okinawa Trough (disputed); 28.0;   126.0;   JPN;     IMPACT_EEZ;       true",
        "Waters around the Southern Kurils / Northern Territories; 44.0;   146.5;   JPN;     IMPACT_EEZ;       true",
        // --- Republic of Korea
        "Seoul, Korean territory;                                  37.57;  126.98;  KOR;     IMPACT_TERRITORY; false",
        "Sea of Japan, south-west of Ulleungdo;                    37.0;   130.2;   KOR;     IMPACT_EEZ;       false",
        "KOR-JPN median, Korea's side (Sea of Japan south);        35.55;  130.68;  KOR;     IMPACT_EEZ;       false",
        "Yellow Sea, Korea's side of the median with China;        36.0;   124.5;   KOR;     IMPACT_EEZ;       false",
        // --- disputed between Korea and Japan
        "Waters around Dokdo / Takeshima;                          37.4;   132.3;   JPN|KOR; IMPACT_EEZ;       true",
        // --- United States
        "Guam, US territory;                                       13.45;  144.78;  USA;     IMPACT_TERRITORY; false",
        "Marianas waters east of Guam;                             14.5;   145.5;   USA;     IMPACT_EEZ;       false",
        "JPN-USA median, the Marianas' side;                       22.25;  143.27;  USA;     IMPACT_EEZ;       false",
        "Honolulu, Hawaii;                                         21.3;   -157.85; USA;     IMPACT_TERRITORY; false",
        "Hawaiian waters south-west of Kauai;                      20.5;   -160.5;  USA;     IMPACT_EEZ;       false",
        "Attu, western Aleutians (east longitude);                 52.9;   172.9;   USA;     IMPACT_TERRITORY; false",
        "Aleutian waters just west of the antimeridian;            52.0;   179.9;   USA;     IMPACT_EEZ;       false",
        "Aleutian waters just east of the antimeridian;            52.0;   -179.9;  USA;     IMPACT_EEZ;       false",
        "Wake Island waters;                                       19.0;   167.5;   USA;     IMPACT_EEZ;       false",
    })
    void knownPointsInsideAZone(String what, double lat, double lon, String countries, ThreatKind kind,
                                boolean disputed) {
        ImpactAssessment.Result result = impactAt(lat, lon);
        Set<Country> expected = java.util.Arrays.stream(countries.split("\\|")).map(Country::valueOf)
                .collect(java.util.stream.Collectors.toSet());
        assertEquals(expected, result.affected(), what);
        assertEquals(Severity.Extreme, result.severity(), what);
        for (Threat threat : result.threats()) {
            assertEquals(kind, threat.kind(), what + ": " + threat);
            assertEquals(disputed, threat.disputed(), what + ": " + threat);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "Open Pacific far east of Japan (2022 Hwasong-12 impact); 33.0;  177.5",
        "Open Pacific east of Japan;                               35.0;  165.0",
        "Sea of Japan, Russia's side of the median with Japan;     44.7;  138.8",
        "Sea of Japan, North Korea's side of the median with Korea; 39.2; 130.0",
        "Yellow Sea, China's side of the median with Korea;        35.5;  122.5",
        "East China Sea, China's side of the median line;          29.0;  124.0",
        "North Pacific between Hawaii and the Marianas;            20.0;  -175.0",
        "Gulf of Alaska high seas;                                 50.0;  -145.0",
    })
    void knownPointsOutsideEveryZone(String what, double lat, double lon) {
        ImpactAssessment.Result result = impactAt(lat, lon);
        assertEquals(Set.of(), result.affected(), what + ": " + result.threats());
        assertEquals(Severity.Severe, result.severity(), what);
    }

    @Test
    void dokdoTakeshimaItselfIsDisputedTerritoryOfBothClaimantsAndTheTextNamesBoth() {
        ImpactAssessment.Result result = impactAt(37.2433, 131.8617);
        assertEquals(Set.of(Country.JPN, Country.KOR), result.affected());
        assertTrue(result.threats().stream().allMatch(t -> t.kind() == ThreatKind.IMPACT_TERRITORY && t.disputed()),
                result.threats().toString());
        Threat threat = result.threats().get(0);
        assertTrue(threat.area().contains("Dokdo / Takeshima"), threat.area());
        assertEquals(Set.of("KOR", "JPN"), Set.copyOf(threat.claimants()));
    }

    @Test
    void anImpactOnLandIsNotAlsoReportedAsAnImpactInThatCountrysEez() {
        List<Threat> threats = impactAt(35.68, 139.76).threats();
        assertEquals(1, threats.size(), threats.toString());
        assertEquals(new Threat(Country.JPN, ThreatKind.IMPACT_TERRITORY, "Japan", false, null), threats.get(0));
    }

    @Test
    void hwasong12PatternOverAomoriIntoThePacificIsAnOverflightOfJapan() {
        ImpactAssessment.Result result = ASSESSMENT.assess(
                launch(MUPYONG_NI, PACIFIC_EAST_OF_JAPAN, MissileClass.IRBM, 0.95), List.of(), 3);
        assertEquals(Set.of(Country.JPN), result.affected());
        assertEquals(List.of(new Threat(Country.JPN, ThreatKind.OVERFLIGHT, "Japan", false, null)), result.threats());
        assertEquals(List.of(Country.JPN), result.overflown());
        assertEquals(List.of(), result.impacted());
        assertEquals(Severity.Extreme, result.severity());
        assertEquals(Urgency.Immediate, result.urgency());
    }

    @Test
    void lowerLaunchTowardTheSeaOfJapanOverfliesNothing() {
        ImpactAssessment.Result result = ASSESSMENT.assess(launch(PYONGYANG, JAPAN_EEZ, MissileClass.ICBM, 0.95),
                List.of(), 1);
        assertEquals(List.of(new Threat(Country.JPN, ThreatKind.IMPACT_EEZ,
                "Exclusive economic zone (approximated): Japan", false, null)), result.threats());
        assertEquals(Certainty.Observed, result.certainty());
    }

    @Test
    void aReportedTrackOverHokkaidoIsAnOverflightOfJapan() {
        Instant t = Instant.parse("2026-11-29T03:20:00Z");
        GeoPoint impact = new GeoPoint(41.0, 165.0);
        List<TrackPoint> overHokkaido = List.of(new TrackPoint(t, 40.0, 133.0, 500),
                new TrackPoint(t.plusSeconds(120), 43.5, 142.5, 800), new TrackPoint(t.plusSeconds(300), 42.0, 155.0, 300));
        ImpactAssessment.Result result = ASSESSMENT.assess(launch(PYONGYANG, impact, MissileClass.IRBM, 0.9),
                overHokkaido, 3);
        assertEquals(List.of(Country.JPN), result.overflown());
        assertEquals(Severity.Extreme, result.severity());
    }

    @Test
    void aTrackAcrossTheAntimeridianOverTheAleutiansIsAnOverflightOfTheUnitedStates() {
        // 179.5E to 177W: the track crosses 180 and then the Andreanof Islands (about 178.2W)
        ImpactAssessment.Result result = ASSESSMENT.assess(launch(new GeoPoint(50.5, 179.5),
                new GeoPoint(52.5, -177.0), MissileClass.IRBM, 0.9), List.of(), 1);
        assertEquals(List.of(Country.USA), result.overflown(), result.threats().toString());
        assertTrue(result.threats().contains(new Threat(Country.USA, ThreatKind.OVERFLIGHT,
                "United States: Alaska and the Aleutian Islands", false, null)), result.threats().toString());
        ImpactAssessment.Result overAttu = ASSESSMENT.assess(launch(new GeoPoint(50.0, 170.0),
                new GeoPoint(56.0, 176.0), MissileClass.IRBM, 0.9), List.of(), 1);
        assertEquals(List.of(Country.USA), overAttu.overflown(), overAttu.threats().toString());
    }

    @Test
    void aLaunchTowardGuamThreatensTheUnitedStates() {
        ImpactAssessment.Result result = ASSESSMENT.assess(launch(MUPYONG_NI, new GeoPoint(13.3, 144.5),
                MissileClass.IRBM, 0.9), List.of(), 2);
        assertTrue(result.impacted().contains(Country.USA), result.threats().toString());
        assertEquals(Set.of(Country.KOR, Country.JPN), Set.copyOf(result.overflown()),
                "the great circle from Jagang crosses south-eastern Korea and Shikoku: " + result.threats());
        assertEquals(Severity.Extreme, result.severity());
    }

    @Test
    void aLaunchTowardHawaiiAcrossTheAntimeridianThreatensTheUnitedStatesAndOverfliesJapan() {
        ImpactAssessment.Result result = ASSESSMENT.assess(launch(MUPYONG_NI, new GeoPoint(21.3, -157.85),
                MissileClass.ICBM, 0.9), List.of(), 2);
        assertTrue(result.threats().contains(new Threat(Country.USA, ThreatKind.IMPACT_TERRITORY,
                "United States: Hawaii, Midway and Johnston Atoll", false, null)), result.threats().toString());
        assertEquals(List.of(Country.JPN), result.overflown(), result.threats().toString());
        assertEquals(Severity.Extreme, result.severity());
    }

    @Test
    void ballisticLaunchOutsideEveryZoneIsSevereAndNamesNoCountry() {
        ImpactAssessment.Result result = ASSESSMENT.assess(launch(PYONGYANG, OPEN_SEA, MissileClass.IRBM, 0.6),
                List.of(), 1);
        assertEquals(Severity.Severe, result.severity());
        assertEquals(Set.of(), result.affected());
        assertEquals(Certainty.Likely, result.certainty());
    }

    @Test
    void spaceLaunchOutsideEveryZoneIsModerate() {
        GeoPoint yellowSea = new GeoPoint(35.5, 122.5);
        assertEquals(Severity.Moderate, ASSESSMENT.assess(launch(yellowSea, yellowSea, MissileClass.SLV, 0.9),
                List.of(), 2).severity());
    }

    /** A printed measurement, not a timed assertion: the cost of one assessment with the shipped zones. */
    @Test
    void printsTheCostOfOneAssessment() {
        LaunchEstimate eez = launch(PYONGYANG, JAPAN_EEZ, MissileClass.ICBM, 0.95);
        LaunchEstimate overflight = launch(MUPYONG_NI, PACIFIC_EAST_OF_JAPAN, MissileClass.IRBM, 0.95);
        LaunchEstimate pointOnly = launch(JAPAN_EEZ, JAPAN_EEZ, MissileClass.IRBM, 0.95);
        for (int i = 0; i < 20_000; i++) {
            ASSESSMENT.assess(eez, List.of(), 1);
            ASSESSMENT.assess(overflight, List.of(), 1);
            ASSESSMENT.assess(pointOnly, List.of(), 1);
        }
        int n = 20_000;
        for (LaunchEstimate l : List.of(pointOnly, eez, overflight)) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                ASSESSMENT.assess(l, List.of(), 1);
            }
            double micros = (System.nanoTime() - start) / 1e3 / n;
            System.out.printf("impact assessment, %s: %.1f µs%n", l == pointOnly ? "impact point only"
                    : l == eez ? "Pyongyang to Japan's EEZ (~1,000 km track)"
                    : "Mupyong-ni over Aomori to the Pacific (~4,500 km track)", micros);
        }
    }
}

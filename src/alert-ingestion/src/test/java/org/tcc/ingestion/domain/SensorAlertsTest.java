package org.tcc.ingestion.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tcc.ingestion.domain.TestReports.JAPAN_EEZ;
import static org.tcc.ingestion.domain.TestReports.OPEN_SEA;
import static org.tcc.ingestion.domain.TestReports.PYONGYANG;
import static org.tcc.ingestion.domain.TestReports.report;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.AlertUpdated;
import org.tcc.contracts.events.alert.AppliedReport;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.contracts.events.feed.MissileLaunchReport;
import org.tcc.ingestion.config.ZonesFixture;

/** Who owns a sensor alert, and what a liaison's edit is worth, across later sensor refinements. */
class SensorAlertsTest {

    private static final Instant T0 = Instant.parse("2026-11-29T03:14:07Z");
    private static final AlertRules.Acting KR = new AlertRules.Acting("kr-liaison", Country.KOR, false);

    /** Sensor alerts releasable to the USA by configuration, and to the country whose sensor raised them. */
    private final SensorAlerts sensorAlerts = new SensorAlerts(new ImpactAssessment(ZonesFixture.defaults()),
            EnumSet.of(Country.USA));

    private final MissileLaunchReport korean = report("kr-greenpine-1", Country.KOR, "kr-1", T0.plusSeconds(20),
            PYONGYANG, OPEN_SEA);
    private final MissileLaunchReport american = report("us-tpy2-kyogamisaki", Country.USA, "us-1", T0, PYONGYANG,
            JAPAN_EEZ);

    @Test
    void aRefinementByAnEarlierForeignDetectionKeepsTheOriginAndEveryCountryAlreadyEntitled() {
        AlertState raised = sensorAlerts.raise("a-1", List.of(korean), List.of(korean), T0).alert();
        assertEquals(Country.KOR, raised.originCountry());
        assertEquals(List.of(Country.USA, Country.KOR), raised.releasableTo());
        AlertState widened = AlertRules.update(raised, Set.of(Country.KOR), new AlertRules.Change(null, null, null,
                null, null, null, EnumSet.of(Country.USA, Country.KOR, Country.JPN), "share with Japan"), KR,
                T0.plusSeconds(30)).alert();

        AlertUpdated refined = sensorAlerts.refine(widened, List.of(korean, american), List.of(american), Set.of(),
                T0.plusSeconds(40)).orElseThrow();

        assertEquals(Country.KOR, refined.alert().originCountry(), "an earlier USA detection takes nothing over");
        assertEquals(List.of(Country.USA, Country.KOR, Country.JPN), refined.alert().releasableTo(),
                "the liaison's widening survives");
        assertEquals(List.of(new AppliedReport("us-tpy2-kyogamisaki", "us-1")), refined.appliedReports());
        assertEquals(List.of("kr-greenpine-1", "us-tpy2-kyogamisaki"), refined.alert().launch().sensors());
    }

    @Test
    void aLiaisonsTextAndRaisedSeverityOutliveLaterRefinements() {
        AlertState raised = sensorAlerts.raise("a-2", List.of(korean), List.of(korean), T0).alert();
        assertEquals(Severity.Severe, raised.severity(), "an open-sea impact threatens no zone");
        AlertUpdated edit = AlertRules.update(raised, Set.of(Country.KOR), new AlertRules.Change(
                "KOR: second launch in an hour, treat as hostile", "Liaison assessment.", Severity.Extreme, null,
                null, null, null, "raised by hand"), KR, T0.plusSeconds(30));
        Set<String> edited = Set.copyOf(edit.changedFields());

        MissileLaunchReport quieter = report("kr-greenpine-1", Country.KOR, "kr-2", T0.plusSeconds(50), PYONGYANG,
                OPEN_SEA).correcting("kr-1");
        AlertState refined = sensorAlerts.refine(edit.alert(), List.of(korean, american, quieter),
                List.of(american, quieter), edited, T0.plusSeconds(60)).orElseThrow().alert();

        assertEquals("KOR: second launch in an hour, treat as hostile", refined.headline());
        assertEquals("Liaison assessment.", refined.description());
        assertEquals(Severity.Extreme, refined.severity(), "a refinement never lowers a severity raised by hand");
        assertEquals(List.of("kr-greenpine-1", "us-tpy2-kyogamisaki"), refined.launch().sensors(),
                "the estimate itself still follows the sensors");

        MissileLaunchReport toJapan = report("kr-greenpine-1", Country.KOR, "kr-3", T0.plusSeconds(50), PYONGYANG,
                JAPAN_EEZ).correcting("kr-1");
        AlertState untouched = sensorAlerts.refine(raised, List.of(korean, toJapan), List.of(toJapan), Set.of(),
                T0.plusSeconds(60)).orElseThrow().alert();
        assertEquals(Severity.Extreme, untouched.severity(), "without an edit the sensors decide (Japan's EEZ)");
        assertEquals(true, untouched.headline().contains("JPN"), "and write the headline: " + untouched.headline());
    }
}

package org.tcc.notification.domain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
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
import org.tcc.contracts.events.alert.Threat;
import org.tcc.contracts.events.alert.ThreatKind;
import org.tcc.contracts.events.alert.Urgency;

/** The alert notice says what threatens each country: overflight, impact, disputed areas with every claimant. */
class NoticesTest {

    private static AlertState alert(List<Threat> threats) {
        Instant now = Instant.parse("2026-11-29T03:14:07Z");
        return new AlertState("6f0e1c4a-1f7e-4a0b-9a51-7c2d3e4f5a6b", 1, AlertOrigin.SENSOR, Country.KOR,
                AlertType.MISSILE_LAUNCH, Region.SEA_OF_JAPAN, TrafficStatus.ACTUAL, AlertLifecycle.ACTIVE,
                "IRBM launch detected near 40.60N 126.40E, overflies JPN", null, Severity.Extreme, Urgency.Immediate,
                Certainty.Observed, null, List.of(Country.USA, Country.KOR, Country.JPN), List.of(Country.JPN),
                List.of(), null, now, now, threats);
    }

    @Test
    void anOverflightIsNamedInTheTitleAndTheText() {
        Notice notice = Notices.alert("AlertRaised", alert(List.of(
                new Threat(Country.JPN, ThreatKind.OVERFLIGHT, "Japan", false, null))));
        assertTrue(NoticeRenderer.render(notice, Language.EN, Country.USA).title().contains("overflies JPN"), NoticeRenderer.render(notice, Language.EN, Country.USA).title());
        assertTrue(NoticeRenderer.render(notice, Language.EN, Country.USA).text().contains("Threat to JPN: OVERFLIGHT of Japan: the predicted ground track crosses "
                + "its territory"), NoticeRenderer.render(notice, Language.EN, Country.USA).text());
    }

    @Test
    void aDisputedAreaIsSaidToBeDisputedAndNamesEveryClaimantAlphabetically() {
        Notice notice = Notices.alert("AlertRaised", alert(List.of(
                new Threat(Country.JPN, ThreatKind.IMPACT_EEZ, "Waters around Dokdo / Takeshima (Liancourt Rocks)",
                        true, List.of("KOR", "JPN")),
                new Threat(Country.KOR, ThreatKind.IMPACT_EEZ, "Waters around Dokdo / Takeshima (Liancourt Rocks)",
                        true, List.of("KOR", "JPN")))));
        assertTrue(NoticeRenderer.render(notice, Language.EN, Country.USA).text().contains("Threat to JPN: predicted impact in Waters around Dokdo / Takeshima "
                + "(Liancourt Rocks) (disputed area, claimed by JPN, KOR)"), NoticeRenderer.render(notice, Language.EN, Country.USA).text());
        assertTrue(NoticeRenderer.render(notice, Language.EN, Country.USA).text().contains("Threat to KOR: predicted impact in Waters around Dokdo / Takeshima"),
                NoticeRenderer.render(notice, Language.EN, Country.USA).text());
    }

    @Test
    void anOverflightNewlyPredictedForAnAlreadyAffectedCountryIsWorthAnotherEmail() {
        String impactOnly = Coalescing.digest(alert(List.of(new Threat(Country.JPN, ThreatKind.IMPACT_EEZ,
                "Exclusive economic zone (approximated): Japan", false, null))));
        String withOverflight = Coalescing.digest(alert(List.of(
                new Threat(Country.JPN, ThreatKind.IMPACT_EEZ, "Exclusive economic zone (approximated): Japan", false,
                        null),
                new Threat(Country.JPN, ThreatKind.OVERFLIGHT, "Japan", false, null))));
        assertTrue(!impactOnly.equals(withOverflight), impactOnly);
        assertTrue(Coalescing.digest(alert(null)).equals("Extreme|JPN|ACTIVE"), "unchanged without threats");
    }

    @Test
    void anAlertWithoutThreatsReadsAsBefore() {
        Notice notice = Notices.alert("AlertRaised", alert(null));
        assertTrue(!NoticeRenderer.render(notice, Language.EN, Country.USA).text().contains("Threat to"), NoticeRenderer.render(notice, Language.EN, Country.USA).text());
    }
}

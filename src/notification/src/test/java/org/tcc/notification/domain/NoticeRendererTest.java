package org.tcc.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
import org.tcc.contracts.events.consultation.ConsultationPhase;
import org.tcc.contracts.events.consultation.ConsultationState;
import org.tcc.contracts.events.consultation.Level;

/** One notice, three languages: the system's words translated, the liaison's words and the machine fields as they came. */
class NoticeRendererTest {

    static final Instant RAISED = Instant.parse("2026-11-29T03:14:07Z");
    static final String HEADLINE = "Liaison note: two launches, 2nd TEL at 39.0N 125.7E (KOR 제2보 / JPN 第2報)";
    static final String DESCRIPTION = "Observed by the duty desk at 03:12Z. Don't release before 03:30Z.\nLine two.";
    static final String AREA = "Waters around Dokdo / Takeshima (Liancourt Rocks)";

    static AlertState alert(TrafficStatus status) {
        return new AlertState("6f0e1c4a-1f7e-4a0b-9a51-7c2d3e4f5a6b", 3, AlertOrigin.LIAISON, Country.KOR,
                AlertType.MISSILE_LAUNCH, Region.SEA_OF_JAPAN, status, AlertLifecycle.ACTIVE, HEADLINE, DESCRIPTION,
                Severity.Extreme, Urgency.Immediate, Certainty.Observed, AREA,
                List.of(Country.USA, Country.KOR, Country.JPN), List.of(Country.KOR, Country.JPN), List.of(), null,
                RAISED, RAISED, List.of(new Threat(Country.JPN, ThreatKind.IMPACT_EEZ, AREA, true,
                        List.of("KOR", "JPN"))));
    }

    @Test
    void aMissileAlertReadsInEachLanguageWithTheLiaisonsWordsUntouched() {
        Notice notice = Notices.alert("AlertRaised", alert(TrafficStatus.ACTUAL));
        NoticeRenderer.Rendered en = NoticeRenderer.render(notice, Language.EN, Country.USA);
        NoticeRenderer.Rendered ko = NoticeRenderer.render(notice, Language.KO, Country.KOR);
        NoticeRenderer.Rendered ja = NoticeRenderer.render(notice, Language.JA, Country.JPN);

        assertEquals("TCC New Extreme missile launch alert: " + HEADLINE, en.title());
        assertEquals("TCC [신규] 미사일 발사 경보 (심각도: 극심): " + HEADLINE, ko.title());
        assertEquals("TCC【新規】ミサイル発射警報（深刻度: 極めて重大）: " + HEADLINE, ja.title());

        for (NoticeRenderer.Rendered r : List.of(en, ko, ja)) {
            assertTrue(r.text().startsWith(HEADLINE + "\n"), r.text());
            assertTrue(r.text().contains("\n" + DESCRIPTION + "\n"), r.text());
            assertTrue(r.text().contains(AREA), r.text());
            assertTrue(r.text().contains("6f0e1c4a-1f7e-4a0b-9a51-7c2d3e4f5a6b"), r.text());
        }
        assertTrue(ko.text().contains("경보 6f0e1c4a-1f7e-4a0b-9a51-7c2d3e4f5a6b (제3보)"), ko.text());
        assertTrue(ko.text().contains("영향 국가: 한국, 일본"), ko.text());
        assertTrue(ko.text().contains("위협 대상 일본: 해역 내 예상 탄착 - " + AREA + " (분쟁 지역, 주장국: 일본, 한국)"),
                ko.text());
        assertTrue(ja.text().contains("警報 6f0e1c4a-1f7e-4a0b-9a51-7c2d3e4f5a6b（第3報）"), ja.text());
        assertTrue(ja.text().contains("影響国: 韓国、日本"), ja.text());
        assertTrue(en.text().contains("Threat to JPN: predicted impact in " + AREA
                + " (disputed area, claimed by JPN, KOR)"), en.text());
    }

    @Test
    void datesAreInTheReadersLanguageAndTheTimeZoneOfTheirCountry() {
        Notice notice = Notices.alert("AlertRaised", alert(TrafficStatus.ACTUAL));
        assertTrue(NoticeRenderer.render(notice, Language.EN, Country.USA).text()
                .contains("Alert raised: Nov 28, 2026 22:14:07 EST (UTC-05:00)"));
        assertTrue(NoticeRenderer.render(notice, Language.KO, Country.KOR).text()
                .contains("경보 발령 시각: 2026년 11월 29일 (일) 12:14:07 KST (UTC+09:00)"));
        assertTrue(NoticeRenderer.render(notice, Language.JA, Country.JPN).text()
                .contains("警報発出時刻: 2026年11月29日(日) 12:14:07 JST (UTC+09:00)"));
        // a Korean reader at the Washington desk: Korean words, Washington's clock
        assertTrue(NoticeRenderer.render(notice, Language.KO, Country.USA).text()
                .contains("경보 발령 시각: 2026년 11월 28일 (토) 22:14:07 EST (UTC-05:00)"));
    }

    @Test
    void practiceTrafficIsLabelledInEveryLanguage() {
        Notice notice = Notices.alert("AlertUpdated", alert(TrafficStatus.EXERCISE));
        NoticeRenderer.Rendered ko = NoticeRenderer.render(notice, Language.KO, Country.KOR);
        NoticeRenderer.Rendered ja = NoticeRenderer.render(notice, Language.JA, Country.JPN);
        assertTrue(ko.title().startsWith("[훈련 EXERCISE] TCC [갱신] "), ko.title());
        assertTrue(ko.text().startsWith("이것은 훈련 상황입니다. 실제 상황이 아닙니다."), ko.text());
        assertTrue(ja.title().startsWith("[演習 EXERCISE] TCC【更新】"), ja.title());
        assertTrue(ja.text().startsWith("これは演習です。実際の事態ではありません。"), ja.text());
        assertEquals("[EXERCISE]", Notice.label(TrafficStatus.EXERCISE));
    }

    @Test
    void escalationAndConsultationNoticesAreTranslatedToo() {
        Notice overdue = Notices.acknowledgementOverdue(alert(TrafficStatus.ACTUAL), Country.JPN,
                ChainStep.DUTY_OFFICER);
        NoticeRenderer.Rendered ja = NoticeRenderer.render(overdue, Language.JA, Country.JPN);
        assertEquals("TCC 上位通報（当直官）: 日本が警報を未確認（深刻度: 極めて重大）: " + HEADLINE, ja.title());
        assertTrue(ja.text().contains("本通知は日本の緊急連絡体制の当直官宛てに送信されています。"), ja.text());
        NoticeRenderer.Rendered ko = NoticeRenderer.render(overdue, Language.KO, Country.KOR);
        assertTrue(ko.title().startsWith("TCC 상향 통보 (당직관): 일본 측 경보 수신 미확인"), ko.title());

        String subject = "협의 주제: 동해상 발사 (written by KOR)";
        ConsultationState c = new ConsultationState("c-1", "a-1", subject, AlertType.MISSILE_LAUNCH,
                Region.SEA_OF_JAPAN, TrafficStatus.ACTUAL, Level.SENIOR, ConsultationPhase.IN_SESSION,
                List.of(Country.USA, Country.KOR, Country.JPN), List.of(Country.USA), 4, RAISED, RAISED);
        NoticeRenderer.Rendered escalated = NoticeRenderer.render(Notices.consultationEscalated(c, Country.KOR,
                "JOIN", RAISED, ChainStep.DUTY_OFFICER), Language.KO, Country.KOR);
        assertEquals("TCC 상향 통보 (당직관): 한국 측 협의 참가 기한 경과: " + subject, escalated.title());
        assertTrue(escalated.text().contains("협의 c-1의 수준이 고위급으로 격상되었습니다."), escalated.text());
        assertTrue(escalated.text().contains("경과한 기한: 2026년 11월 29일 (일) 12:14:07 KST"), escalated.text());
        NoticeRenderer.Rendered convened = NoticeRenderer.render(Notices.consultation("ConsultationConvened", c),
                Language.EN, Country.USA);
        assertEquals("TCC consultation convened: " + subject, convened.title());
        assertTrue(convened.text().contains("Participants: USA, KOR, JPN, joined: USA"), convened.text());
    }

    @Test
    void aValueTheBundlesDoNotKnowIsShownAsItCame() {
        Notice notice = Notices.consultation("ConsultationRenamed", new ConsultationState("c-1", null, "s", null,
                null, TrafficStatus.ACTUAL, Level.WORKING, ConsultationPhase.CONVENING, List.of(), List.of(), 1,
                null, null));
        NoticeRenderer.Rendered r = NoticeRenderer.render(notice, Language.JA, Country.JPN);
        assertEquals("TCC 協議（ConsultationRenamed）: s", r.title());
        assertFalse(r.text().contains("{"), r.text());
    }

    @Test
    void theStreamLanguageIsTheDirectorysThenTheBrowsersThenTheCountrys() {
        assertEquals(Language.EN, Language.forSubscriber(Optional.of(Language.EN), "ko-KR,ko;q=0.9", Country.KOR));
        assertEquals(Language.JA, Language.forSubscriber(Optional.empty(), "fr-FR, ja;q=0.8, en;q=0.5",
                Country.KOR));
        assertEquals(Language.KO, Language.forSubscriber(Optional.empty(), "fr-FR, de;q=0.8", Country.KOR));
        assertEquals(Language.KO, Language.forSubscriber(Optional.empty(), "*", Country.KOR));
        assertEquals(Language.JA, Language.forSubscriber(Optional.empty(), "not a header;;", Country.JPN));
        assertEquals(Language.EN, Language.forSubscriber(Optional.empty(), null, Country.USA));
        assertEquals(Optional.of(Language.KO), Language.parse("KO"));
        assertEquals(Optional.empty(), Language.parse("ko-KR"));
    }
}

package org.tcc.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertLifecycle;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Certainty;
import org.tcc.contracts.events.alert.Region;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.contracts.events.alert.ThreatKind;
import org.tcc.contracts.events.alert.Urgency;
import org.tcc.contracts.events.consultation.ConsultationPhase;
import org.tcc.contracts.events.consultation.Level;

/** Every language has the same keys with the same placeholders, a word for every value of the contracts, real text. */
class NoticeBundlesTest {

    @Test
    void everyBundleHasExactlyTheKeysAndPlaceholdersOfTheEnglishOne() {
        Map<String, String> en = NoticeBundle.of(Language.EN).values();
        assertFalse(en.isEmpty());
        for (Language language : Language.values()) {
            Map<String, String> other = NoticeBundle.of(language).values();
            assertEquals(en.keySet(), other.keySet(), language + ": keys differ from English");
            for (Map.Entry<String, String> e : en.entrySet()) {
                String text = other.get(e.getKey());
                assertEquals(NoticeBundle.placeholders(e.getValue()), NoticeBundle.placeholders(text),
                        language + " " + e.getKey() + ": placeholders differ from English");
                assertFalse(text.isBlank(), language + " " + e.getKey() + " is blank");
                assertFalse(text.contains("{") && NoticeBundle.placeholders(text).isEmpty(),
                        language + " " + e.getKey() + ": a brace that is no placeholder");
            }
        }
    }

    @Test
    void theBundlesAreValidUtf8() throws Exception {
        for (Language language : Language.values()) {
            try (InputStream in = NoticeBundle.class.getResourceAsStream(NoticeBundle.resource(language))) {
                assertNotNull(in, NoticeBundle.resource(language));
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(in.readAllBytes()));
            }
        }
    }

    @Test
    void everyValueTheContractsCanCarryHasAWordInEveryLanguage() {
        List<String> keys = new ArrayList<>();
        terms(keys, "severity", Severity.values());
        terms(keys, "urgency", Urgency.values());
        terms(keys, "certainty", Certainty.values());
        terms(keys, "lifecycle", AlertLifecycle.values());
        terms(keys, "type", AlertType.values());
        terms(keys, "region", Region.values());
        terms(keys, "step", ChainStep.values());
        terms(keys, "level", Level.values());
        terms(keys, "phase", ConsultationPhase.values());
        terms(keys, "country", Country.values());
        terms(keys, "threat", ThreatKind.values());
        for (TrafficStatus s : TrafficStatus.values()) {
            if (Notice.isPractice(s)) {
                keys.add("label." + s.name());
                keys.add("disclaimer." + s.name());
            }
        }
        for (String t : List.of("AlertRaised", "AlertUpdated", "AlertCancelled", "AlertResolved")) {
            keys.add("alert.event." + t);
        }
        for (String t : List.of("ConsultationConvened", "ConsultationAlertAdded", "ProposalSubmitted",
                "ConsultationEscalated", "ConsultationConcluded", "ConsultationClosed")) {
            keys.add("consultation.event." + t);
        }
        for (Language language : Language.values()) {
            Set<String> present = NoticeBundle.of(language).values().keySet();
            for (String key : keys) {
                assertTrue(present.contains(key), language + " lacks " + key);
            }
        }
    }

    @Test
    void koreanAndJapaneseAreWrittenInTheirOwnScripts() {
        for (Map.Entry<String, String> e : NoticeBundle.of(Language.KO).values().entrySet()) {
            if (e.getKey().startsWith("alert.") || e.getKey().startsWith("overdue.")
                    || e.getKey().startsWith("escalated.") || e.getKey().startsWith("disclaimer.")) {
                assertTrue(e.getValue().codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                        == Character.UnicodeScript.HANGUL), "ko " + e.getKey() + " has no Hangul: " + e.getValue());
            }
        }
        for (Map.Entry<String, String> e : NoticeBundle.of(Language.JA).values().entrySet()) {
            if (e.getKey().startsWith("alert.") || e.getKey().startsWith("overdue.")
                    || e.getKey().startsWith("escalated.") || e.getKey().startsWith("disclaimer.")) {
                assertTrue(e.getValue().codePoints().anyMatch(c -> {
                    Character.UnicodeScript s = Character.UnicodeScript.of(c);
                    return s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA
                            || s == Character.UnicodeScript.HAN;
                }), "ja " + e.getKey() + " is not Japanese: " + e.getValue());
            }
        }
    }

    private static void terms(List<String> keys, String group, Enum<?>[] values) {
        for (Enum<?> v : values) {
            keys.add(group + "." + v.name());
        }
    }
}

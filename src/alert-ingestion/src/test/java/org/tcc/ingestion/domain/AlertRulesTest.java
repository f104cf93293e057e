package org.tcc.ingestion.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertLifecycle;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Certainty;
import org.tcc.contracts.events.alert.Region;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.contracts.events.alert.Urgency;

class AlertRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-29T05:00:00Z");
    private static final AlertRules.Acting KR = new AlertRules.Acting("kr-liaison", Country.KOR, false);
    private static final AlertRules.Acting US = new AlertRules.Acting("us-liaison", Country.USA, false);
    private static final AlertRules.Acting JP = new AlertRules.Acting("jp-liaison", Country.JPN, false);
    private static final AlertRules.Acting KR_FEED = new AlertRules.Acting("service-account-feed-kor", Country.KOR,
            true);

    private static AlertRules.Raise raise(Set<Country> releasableTo) {
        return new AlertRules.Raise(AlertType.NUCLEAR_TEST, Region.KOREAN_PENINSULA, TrafficStatus.ACTUAL,
                "Seismic event M5.1 at Punggye-ri", null, Severity.Severe, Urgency.Immediate, Certainty.Likely, null,
                releasableTo);
    }

    private static AlertState korAlert() {
        return AlertRules.raise("a-1", raise(EnumSet.of(Country.KOR, Country.USA)), KR, NOW).alert();
    }

    @Test
    void raisedAlertIsActiveFromTheRaisingCountry() {
        AlertState alert = korAlert();
        assertEquals(Country.KOR, alert.originCountry());
        assertEquals(AlertLifecycle.ACTIVE, alert.lifecycle());
        assertEquals(List.of(Country.USA, Country.KOR).stream().sorted().toList(), alert.releasableTo());
        assertEquals(0, alert.version());
    }

    @Test
    void releasabilityMustIncludeTheRaisingCountry() {
        AlertRefused refused = assertThrows(AlertRefused.class,
                () -> AlertRules.raise("a", raise(EnumSet.of(Country.USA)), KR, NOW));
        assertEquals(AlertRefused.Why.INVALID, refused.why());
        assertEquals("releasableTo", refused.field());
    }

    @Test
    void feedsDoNotRaiseOrAcknowledge() {
        assertEquals(AlertRefused.Why.NOT_ALLOWED, assertThrows(AlertRefused.class,
                () -> AlertRules.raise("a", raise(EnumSet.of(Country.KOR)), KR_FEED, NOW)).why());
        assertEquals(AlertRefused.Why.NOT_ALLOWED, assertThrows(AlertRefused.class,
                () -> AlertRules.acknowledge(korAlert(), KR_FEED, NOW)).why());
    }

    @Test
    void eachCountryAcknowledgesOnceForItself() {
        AlertState acknowledged = AlertRules.acknowledge(korAlert(), US, NOW).orElseThrow().alert();
        assertEquals(1, acknowledged.acknowledgements().size());
        assertEquals(Country.USA, acknowledged.acknowledgements().get(0).country());
        assertEquals(1, acknowledged.version());
        assertTrue(AlertRules.acknowledge(acknowledged, US, NOW.plusSeconds(5)).isEmpty(), "repeat changes nothing");
        assertEquals(AlertRefused.Why.NOT_ALLOWED, assertThrows(AlertRefused.class,
                () -> AlertRules.acknowledge(acknowledged, JP, NOW)).why(), "not releasable to JPN");
    }

    @Test
    void onlyTheOriginatingCountryUpdatesCancelsOrResolves() {
        AlertState alert = korAlert();
        AlertRules.Change change = new AlertRules.Change(null, null, Severity.Extreme, null, null, null, null, "worse");
        assertEquals(AlertRefused.Why.NOT_ALLOWED, assertThrows(AlertRefused.class,
                () -> AlertRules.update(alert, Set.of(), change, US, NOW)).why());
        assertEquals(AlertRefused.Why.NOT_ALLOWED, assertThrows(AlertRefused.class,
                () -> AlertRules.cancel(alert, Set.of(), "no", US, NOW)).why());
        assertEquals(AlertRefused.Why.NOT_ALLOWED, assertThrows(AlertRefused.class,
                () -> AlertRules.cancel(alert, Set.of(Country.KOR), "no", KR_FEED, NOW)).why(),
                "a feed may not cancel a liaison's alert");
        assertEquals(List.of("severity"), AlertRules.update(alert, Set.of(), change, KR, NOW).changedFields());
        assertEquals(AlertLifecycle.RESOLVED, AlertRules.resolve(alert, Set.of(), "over", KR, NOW).alert().lifecycle());
    }

    @Test
    void cancelledAlertCannotChangeAgain() {
        AlertState cancelled = AlertRules.cancel(korAlert(), Set.of(), "false alarm", KR, NOW).alert();
        assertEquals(AlertLifecycle.CANCELLED, cancelled.lifecycle());
        AlertRefused refused = assertThrows(AlertRefused.class,
                () -> AlertRules.cancel(cancelled, Set.of(), "again", KR, NOW));
        assertEquals(AlertRefused.Why.CONFLICT, refused.why());
        assertEquals(AlertLifecycle.CANCELLED, refused.lifecycle());
    }

    @Test
    void releasabilityOnlyWidens() {
        AlertState alert = korAlert();
        AlertRules.Change narrow = new AlertRules.Change(null, null, null, null, null, null, EnumSet.of(Country.KOR),
                null);
        assertEquals("releasableTo", assertThrows(AlertRefused.class,
                () -> AlertRules.update(alert, Set.of(), narrow, KR, NOW)).field());
        AlertRules.Change widen = new AlertRules.Change(null, null, null, null, null, null,
                EnumSet.allOf(Country.class), null);
        assertEquals(3, AlertRules.update(alert, Set.of(), widen, KR, NOW).alert().releasableTo().size());
    }
}

package org.tcc.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CoalescingTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void theFirstNoticeOfAnAlertGoesAtOnce() {
        assertEquals(new Coalescing.SendAt(NOW), Coalescing.decide(null, "Severe|JPN|ACTIVE", NOW, MINUTE));
    }

    @Test
    void aNewerVersionReplacesOneStillWaiting() {
        Coalescing.Previous waiting = new Coalescing.Previous(true, "Severe|JPN|ACTIVE", NOW.minusSeconds(1));
        assertEquals(new Coalescing.Replace(), Coalescing.decide(waiting, "Extreme|JPN|ACTIVE", NOW, MINUTE));
    }

    @Test
    void aVersionThatChangesNothingAPersonActsOnIsNotSentAgain() {
        Coalescing.Previous sent = new Coalescing.Previous(false, "Severe|JPN|ACTIVE", NOW.minusSeconds(5));
        assertEquals(new Coalescing.Skip(), Coalescing.decide(sent, "Severe|JPN|ACTIVE", NOW, MINUTE));
    }

    @Test
    void aChangeIsSentNoSoonerThanTheIntervalAfterThePreviousMessage() {
        Coalescing.Previous sent = new Coalescing.Previous(false, "Severe|JPN|ACTIVE", NOW.minusSeconds(20));
        assertEquals(new Coalescing.SendAt(NOW.plusSeconds(40)),
                Coalescing.decide(sent, "Extreme|JPN,KOR|ACTIVE", NOW, MINUTE));
        Coalescing.Previous longAgo = new Coalescing.Previous(false, "Severe|JPN|ACTIVE", NOW.minusSeconds(600));
        assertEquals(new Coalescing.SendAt(NOW), Coalescing.decide(longAgo, "Severe|JPN|CANCELLED", NOW, MINUTE));
    }
}

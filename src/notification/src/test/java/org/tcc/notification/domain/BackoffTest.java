package org.tcc.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10));

    @Test
    void doublesWithEachFailureUpToTheCap() {
        assertEquals(Duration.ofSeconds(5), backoff.nominal(1));
        assertEquals(Duration.ofSeconds(10), backoff.nominal(2));
        assertEquals(Duration.ofSeconds(40), backoff.nominal(4));
        assertEquals(Duration.ofMinutes(10), backoff.nominal(9));
        assertEquals(Duration.ofMinutes(10), backoff.nominal(1_000));
    }

    @Test
    void jitterKeepsTheDelayBetweenHalfAndAllOfTheNominal() {
        assertEquals(Duration.ofMillis(5_000), backoff.delay(2, () -> 0.0));
        assertEquals(Duration.ofMillis(7_500), backoff.delay(2, () -> 0.5));
        assertEquals(Duration.ofMillis(10_000), backoff.delay(2, () -> 0.99999));
        for (int i = 0; i < 1_000; i++) {
            long d = backoff.delay(3, Math::random).toMillis();
            assertTrue(d >= 10_000 && d <= 20_000, "delay " + d);
        }
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }

    @Test
    void deadAfterMaxAttempts() {
        assertEquals(DeliveryPolicy.Verdict.SENT, DeliveryPolicy.after(true, 3, 3));
        assertEquals(DeliveryPolicy.Verdict.RETRY, DeliveryPolicy.after(false, 2, 3));
        assertEquals(DeliveryPolicy.Verdict.DEAD, DeliveryPolicy.after(false, 3, 3));
    }
}

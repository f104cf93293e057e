package org.tcc.stack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Country;

/** Each liaison acknowledges exactly its share of the alerts its stream raised in a point, spread evenly. */
class AcknowledgementsTest {

    @Test
    void theShareIsExactAndEvenlySpread() {
        assertEquals(10, chosen(10, 1.0));
        assertEquals(0, chosen(10, 0.0));
        assertEquals(5, chosen(10, 0.5));
        assertEquals(3, chosen(10, 0.3));
        assertEquals(333, chosen(1_000, 0.333));
        assertFalse(Acknowledgements.selects(0, 0.5));
        assertTrue(Acknowledgements.selects(1, 0.5));
        assertFalse(Acknowledgements.selects(2, 0.5));
        assertTrue(Acknowledgements.selects(3, 0.5), "every second alert");
    }

    @Test
    void eachCountryCountsItsOwnAlertsFromTheStartOfThePointAndUnsentOnesAreAbandoned() throws Exception {
        AtomicInteger tokens = new AtomicInteger();
        try (Acknowledgements acks = new Acknowledgements("http://127.0.0.1:9", c -> {
            tokens.incrementAndGet();
            return "t";
        }, 0.5, TimeUnit.HOURS.toMillis(1), 100, 4)) {
            acks.startPoint();
            for (int i = 0; i < 4; i++) {
                acks.raised(Country.USA, "alert-" + i);
            }
            acks.raised(Country.KOR, "alert-0");
            acks.raised(Country.KOR, "alert-1");
            acks.raised(Country.JPN, "alert-0");
            Acknowledgements.Tally tally = acks.settle(Duration.ZERO);
            assertEquals(2 + 1 + 0, tally.selected(), "USA 2 of 4, KOR 1 of 2, JPN 0 of 1");
            assertEquals(3, tally.abandoned(), "an hour's delay: none was due before the point settled");
            assertEquals(0, tally.acknowledged());
            acks.startPoint();
            acks.raised(Country.JPN, "alert-9");
            assertEquals(0, acks.settle(Duration.ZERO).selected(), "JPN's count starts again: its first is not chosen");
        }
        assertEquals(0, tokens.get(), "nothing was sent");
    }

    private static long chosen(int alerts, double share) {
        long n = 0;
        for (int k = 0; k < alerts; k++) {
            n += Acknowledgements.selects(k, share) ? 1 : 0;
        }
        return n;
    }
}

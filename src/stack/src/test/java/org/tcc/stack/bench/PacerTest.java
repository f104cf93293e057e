package org.tcc.stack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schedule is absolute and the generator's own shortfall is judged from what it achieved. */
class PacerTest {

    @Test
    void slotsAreDueAtStartPlusIOverRate() {
        assertEquals(0, Pacer.dueOffsetNanos(0, 5_000));
        assertEquals(200_000, Pacer.dueOffsetNanos(1, 5_000));
        assertEquals(1_000_000_000L, Pacer.dueOffsetNanos(5_000, 5_000));
        assertEquals(20_000_000_000L, Pacer.dueOffsetNanos(100_000, 5_000), "no drift over a 20-s point");
        assertEquals(333_333, Pacer.dueOffsetNanos(1, 3_000));
    }

    @Test
    void everySlotIsSentInOrderWithItsIntendedTime() {
        List<Integer> order = new ArrayList<>();
        List<Long> intended = new ArrayList<>();
        Pacer.Pacing pacing = Pacer.run(5, 1_000, (i, at) -> {
            order.add(i);
            intended.add(at);
        });
        assertEquals(List.of(0, 1, 2, 3, 4), order);
        for (int i = 0; i < 5; i++) {
            assertEquals(i, intended.get(i) - intended.get(0), "slot " + i + " is intended i ms after the first");
        }
        assertEquals(5, pacing.sent());
        assertEquals(5, pacing.lagMicros().getTotalCount());
    }

    @Test
    void achievedRateIsMeasuredOverTheSpanTheScheduleWouldTake() {
        // 100,000 sends at 5,000/s: the last slot is due 19.9998 s after the first
        assertEquals(5_000, Pacer.achieved(100_000, 19_999_800_000L, 5_000), 0.01);
        assertEquals(2_500, Pacer.achieved(100_000, 39_999_600_000L, 5_000), 0.01);
        assertEquals(60, Pacer.achieved(1, 0, 60), 0.0, "a single send cannot fall behind");
    }

    @Test
    void aGeneratorIsBehindWhenItOffersLessOrLagsAtP99() {
        assertFalse(Pacer.behind(5_000, 4_999, 400));
        assertTrue(Pacer.behind(5_000, 4_900, 400), "2 % short of the rate");
        assertTrue(Pacer.behind(5_000, 5_000, 25_000), "p99 25 ms behind its slots");
    }
}

package org.tcc.stack.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The calm phase is cut into windows from the end of the warm-up, and bad messages fall only in odd windows. */
class DrillFeedWindowsTest {

    @Test
    void windowsCountFromTheEndOfTheWarmUpAndStopAtTheFirstFault() {
        // 100 messages of warm-up, windows of 50, calm phase 325 messages: windows 0..4, the last one partial
        assertEquals(DrillFeed.NO_WINDOW, DrillFeed.windowOf(0, 325, 100, 50));
        assertEquals(DrillFeed.NO_WINDOW, DrillFeed.windowOf(99, 325, 100, 50));
        assertEquals(0, DrillFeed.windowOf(100, 325, 100, 50));
        assertEquals(0, DrillFeed.windowOf(149, 325, 100, 50));
        assertEquals(1, DrillFeed.windowOf(150, 325, 100, 50));
        assertEquals(4, DrillFeed.windowOf(324, 325, 100, 50));
        assertEquals(DrillFeed.NO_WINDOW, DrillFeed.windowOf(325, 325, 100, 50));
        assertEquals(DrillFeed.Phase.WARMUP, DrillFeed.phaseOf(99, 325, 100, 50));
        assertEquals(DrillFeed.Phase.CALM_CLEAN, DrillFeed.phaseOf(100, 325, 100, 50));
        assertEquals(DrillFeed.Phase.CALM_WITH_BAD, DrillFeed.phaseOf(150, 325, 100, 50));
        assertEquals(DrillFeed.Phase.CALM_CLEAN, DrillFeed.phaseOf(200, 325, 100, 50));
        assertEquals(DrillFeed.Phase.FAULTS, DrillFeed.phaseOf(325, 325, 100, 50));
    }

    @Test
    void planMarksEveryMessageWithItsWindowAndPutsCalmBadMessagesOnlyInOddWindows() {
        List<DrillFeed.Planned> plan = DrillFeed.plan(1_000, 40, 325, 100, 50);
        assertEquals(1_000, plan.size());
        long calmBad = 0;
        for (DrillFeed.Planned p : plan) {
            assertEquals(DrillFeed.windowOf(p.index(), 325, 100, 50), p.window(), "message " + p.index());
            assertEquals(DrillFeed.phaseOf(p.index(), 325, 100, 50), p.phase(), "message " + p.index());
            if (p.kind() != DrillFeed.Kind.VALID && p.index() < 325) {
                calmBad++;
                assertTrue(DrillFeed.withBad(p.window()), "bad message " + p.index() + " in window " + p.window());
            }
        }
        assertTrue(calmBad > 0, "the windows with bad messages have some");
        assertEquals(40, plan.stream().filter(p -> p.kind() != DrillFeed.Kind.VALID).count());
    }

    @Test
    void feedKnowsItsWindowsAndWhichAreWhole() {
        DrillFeed feed = new DrillFeed("t", null, 1_000, 4, 325, 100, 50, 0);
        assertEquals(5, feed.windowCount());
        for (int w = 0; w < 4; w++) {
            assertTrue(feed.fullWindow(w), "window " + w);
        }
        assertFalse(feed.fullWindow(4), "the last window has 25 of 50 messages");
        assertEquals(feed.plan().stream().filter(p -> p.kind() != DrillFeed.Kind.VALID
                && p.phase() == DrillFeed.Phase.CALM_WITH_BAD).count(), feed.badInCalmWindows());
        assertEquals(0, new DrillFeed("t", null, 1_000, 4, 100, 200, 50, 0).windowCount(),
                "a calm phase shorter than the warm-up has no window");
    }

    @Test
    void calmSecondsOverrideTheShareAndNeverExceedTheFeed() {
        assertEquals(3_000, DrillCommand.calmMessages(10_000, 12, 0.3, null));
        assertEquals(24_000, DrillCommand.calmMessages(60_000, 100, 0.3, 240));
        assertEquals(5_000, DrillCommand.calmMessages(5_000, 100, 0.3, 240));
    }
}

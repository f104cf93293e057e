package org.tcc.stack.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcc.stack.drill.AlertWatch.WindowStats;
import org.tcc.stack.drill.AlertWatch.WindowStats.Window;

/** Window statistics: medians, the sign test and the pairing of adjacent windows, for inputs with known answers. */
class WindowStatsTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3.0, WindowStats.median(new long[] {5, 1, 3}));
        assertEquals(2.5, WindowStats.median(new long[] {4, 1, 3, 2}));
        assertEquals(7.0, WindowStats.median(new long[] {7}));
        assertTrue(Double.isNaN(WindowStats.median(new long[0])));
    }

    @Test
    void signTestMatchesTheBinomialTail() {
        assertEquals(2.0 / 1024, WindowStats.signTestP(10, 0), 1e-12, "10 pairs all one way");
        assertEquals(2.0 / 1024, WindowStats.signTestP(0, 10), 1e-12, "two-sided");
        assertEquals(22.0 / 1024, WindowStats.signTestP(9, 1), 1e-12, "2 * (1 + 10) / 1024");
        assertEquals(1.0, WindowStats.signTestP(5, 5), 1e-12);
        assertEquals(0.0625, WindowStats.signTestP(5, 0), 1e-12, "5 pairs can never reach 0.05");
        assertEquals(1.0, WindowStats.signTestP(0, 0), 1e-12, "no pairs, no evidence");
        assertEquals(Math.pow(2, -199), WindowStats.signTestP(200, 0), Math.pow(2, -199) * 1e-9, "large n");
    }

    @Test
    void oneOutlierWindowDoesNotMoveTheMedianOrTheVerdict() {
        // clean windows p99 100 ms except one 13 s outlier; bad windows p99 110 or 90 ms alternately
        List<Window> windows = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            boolean bad = k % 2 == 1;
            long p99 = bad ? (k % 4 == 1 ? 110 : 90) : (k == 6 ? 13_000 : 100);
            windows.add(new Window(k, bad, true, 200, 20, p99));
        }
        assertEquals(100.0, WindowStats.medianOver(windows, false, Window::p99));
        assertEquals(100.0, WindowStats.medianOver(windows, true, Window::p99));
        WindowStats.Pairs pairs = WindowStats.compare(windows, Window::p99, 0);
        assertEquals(10, pairs.pairs());
        assertEquals(5, pairs.badHigher());
        assertEquals(5, pairs.cleanHigher());
        assertFalse(pairs.detectable());
        assertTrue(pairs.verdict("p99").startsWith("no difference detectable"), pairs.verdict("p99"));
    }

    @Test
    void aConsistentlySlowerBadWindowIsDetectedWithTheMedianPairedDifference() {
        List<Window> windows = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            boolean bad = k % 2 == 1;
            windows.add(new Window(k, bad, true, 200, 20, bad ? 150 + k : 100));
        }
        WindowStats.Pairs pairs = WindowStats.compare(windows, Window::p99, 0);
        assertEquals(10, pairs.pairs());
        assertEquals(10, pairs.badHigher());
        assertEquals(2.0 / 1024, pairs.p(), 1e-12);
        assertEquals(60.0, pairs.medianDifference(), "differences 51, 53, ..., 69");
        assertTrue(pairs.detectable());
        assertTrue(pairs.verdict("p99").startsWith("windows WITH bad messages are slower by 60 ms"),
                pairs.verdict("p99"));
    }

    @Test
    void pairsAreCleanKWithBadKPlusOneAndSkipPartialOrEmptyWindowsAndTies() {
        List<Window> windows = List.of(
                new Window(0, false, true, 100, 10, 100), new Window(1, true, true, 100, 10, 100), // tie
                new Window(2, false, true, 100, 10, 100), new Window(3, true, true, 0, 0, 0), // empty: no pair
                new Window(4, false, true, 100, 10, 200), new Window(5, true, true, 100, 10, 150), // clean higher
                new Window(6, false, true, 100, 10, 100), new Window(7, true, false, 50, 10, 900)); // partial
        WindowStats.Pairs pairs = WindowStats.compare(windows, Window::p99, 0);
        assertEquals(2, pairs.pairs());
        assertEquals(1, pairs.ties());
        assertEquals(1, pairs.cleanHigher());
        assertEquals(0, pairs.badHigher());
        assertEquals(-25.0, pairs.medianDifference(), "median of 0 and -50");
        assertEquals(1.0, pairs.p(), 1e-12);
        assertTrue(pairs.verdict("p99").contains("too few pairs"), pairs.verdict("p99"));
        assertEquals(4, WindowStats.usable(windows, false), "4 usable clean windows");
        assertEquals(2, WindowStats.usable(windows, true), "windows 3 (empty) and 7 (partial) left out");

        // the order check pairs bad window k with the clean window k + 1 after it: (1,2) and (5,6)
        WindowStats.Pairs reversed = WindowStats.compare(windows, Window::p99, 1);
        assertEquals(2, reversed.pairs());
        assertEquals(1, reversed.badHigher());
        assertEquals(1, reversed.ties());
    }
}

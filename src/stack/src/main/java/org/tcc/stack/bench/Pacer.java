package org.tcc.stack.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Paced sending from a prepared list: slot {@code i} is due at start + i/rate (an absolute schedule, so a late
 * slot is caught up, never shifts the rest). Records how late each send was called against its slot, so a
 * generator that cannot keep up says so instead of silently offering less.
 */
final class Pacer {

    /** A generator lagging more than this at p99 did not offer the rate. */
    static final long BEHIND_P99_MICROS = 10_000;
    /** ... nor did one whose sends spread over a span this much longer than the schedule's. */
    static final double BEHIND_RATE_SHARE = 0.99;

    /** Sends slot {@code i}, intended for wall-clock {@code intendedMillis}. */
    @FunctionalInterface
    interface Slot {
        void send(int i, long intendedMillis);
    }

    /** What one paced run achieved: how many, over which span, and the lag behind the schedule (microseconds). */
    record Pacing(int rate, int sent, long spanNanos, Histogram lagMicros) {

        /** Sends per second over the span from the first slot to the last send (the schedule's own span is (n-1)/rate). */
        double achievedPerSecond() {
            return achieved(sent, spanNanos, rate);
        }

        boolean behind() {
            return Pacer.behind(rate, achievedPerSecond(), lagMicros.getValueAtPercentile(99));
        }

        String describe() {
            return String.format(java.util.Locale.ROOT, "generator: %d sent at %.0f/s, lag behind schedule p50 %.1f"
                            + " ms, p99 %.1f ms, max %.1f ms%s", sent, achievedPerSecond(),
                    lagMicros.getValueAtPercentile(50) / 1000.0, lagMicros.getValueAtPercentile(99) / 1000.0,
                    lagMicros.getMaxValue() / 1000.0, behind() ? " -- GENERATOR FELL BEHIND its schedule: the offered"
                            + " rate was not fully offered" : "");
        }
    }

    private Pacer() {
    }

    static Pacing run(int count, int rate, Slot slot) {
        Histogram lag = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        long startNanos = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        long last = startNanos;
        for (int i = 0; i < count; i++) {
            long offset = dueOffsetNanos(i, rate);
            long due = startNanos + offset;
            long now;
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(due - now);
            }
            lag.recordValue(Math.min(lag.getHighestTrackableValue(), (now - due) / 1_000));
            slot.send(i, startMillis + offset / 1_000_000);
            last = System.nanoTime();
        }
        return new Pacing(rate, count, last - startNanos, lag);
    }

    /** When slot {@code i} is due after the start, in nanoseconds. */
    static long dueOffsetNanos(long i, int rate) {
        return i * 1_000_000_000L / rate;
    }

    /** Sends per second achieved by {@code sent} sends spread over {@code spanNanos}, measured like the schedule. */
    static double achieved(int sent, long spanNanos, int rate) {
        if (sent <= 1) {
            return rate;
        }
        return (sent - 1) * 1e9 / Math.max(spanNanos, 1);
    }

    static boolean behind(int rate, double achievedPerSecond, long lagP99Micros) {
        return achievedPerSecond < BEHIND_RATE_SHARE * rate || lagP99Micros > BEHIND_P99_MICROS;
    }
}

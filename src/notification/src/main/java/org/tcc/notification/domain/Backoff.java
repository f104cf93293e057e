package org.tcc.notification.domain;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Retry delays: exponential ({@code initial * 2^(attempt-1)}, capped at {@code max}) with "equal jitter" — half the
 * delay is fixed, the other half random — so that many failing deliveries do not retry in lock-step while a retry
 * never comes sooner than half the nominal delay.
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** The nominal (jitter-free) delay after the {@code attempt}-th failed attempt (1-based). */
    public Duration nominal(int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 30));
        long millis = initial.toMillis();
        for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    /** The delay before the next attempt; {@code random} returns values in [0, 1). */
    public Duration delay(int attempt, DoubleSupplier random) {
        long nominal = nominal(attempt).toMillis();
        long half = nominal / 2;
        return Duration.ofMillis(nominal - half + (long) (random.getAsDouble() * (half + 1)));
    }
}

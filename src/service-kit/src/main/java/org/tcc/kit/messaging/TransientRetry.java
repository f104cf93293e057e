package org.tcc.kit.messaging;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a consumer's handler, retrying failures that may pass (database restarting, lock conflict) with
 * exponential backoff and jitter, so that an outage delays messages instead of dead-lettering them. A
 * {@link Rejected} message is never retried: it goes straight to the dead-letter topic. A failure that outlasts
 * {@code patience} is dead-lettered too, with its reason, so one bad message cannot stall a partition forever.
 */
public final class TransientRetry {

    private static final Logger LOG = Logger.getLogger(TransientRetry.class);

    private TransientRetry() {
    }

    public static <T> T call(String what, Duration patience, Supplier<T> handler) {
        long deadline = System.nanoTime() + patience.toNanos();
        long backoffMillis = 100;
        while (true) {
            try {
                return handler.get();
            } catch (Rejected rejected) {
                throw rejected;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw new Rejected("gave up after " + patience + " of retries: " + e);
                }
                LOG.warnf("%s failed (%s); retrying in %d ms", what, e.toString(), backoffMillis);
                sleep(backoffMillis + ThreadLocalRandom.current().nextLong(backoffMillis / 2 + 1));
                backoffMillis = Math.min(backoffMillis * 2, 5_000);
            }
        }
    }

    public static void run(String what, Duration patience, Runnable handler) {
        call(what, patience, () -> {
            handler.run();
            return null;
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Rejected("interrupted while retrying");
        }
    }
}

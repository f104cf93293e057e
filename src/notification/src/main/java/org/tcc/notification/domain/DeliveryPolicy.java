package org.tcc.notification.domain;

/**
 * What follows an attempt: a success is SENT; a failure is retried (FAILED, next attempt after a backoff) until
 * {@code maxAttempts} attempts have been made, then the delivery is DEAD and dead-lettered.
 */
public final class DeliveryPolicy {

    /** The state after an attempt. */
    public enum Verdict { SENT, RETRY, DEAD }

    private DeliveryPolicy() {
    }

    public static Verdict after(boolean succeeded, int attemptsMade, int maxAttempts) {
        if (succeeded) {
            return Verdict.SENT;
        }
        return attemptsMade >= maxAttempts ? Verdict.DEAD : Verdict.RETRY;
    }
}

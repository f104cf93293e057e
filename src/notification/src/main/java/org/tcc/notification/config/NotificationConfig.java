package org.tcc.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Business settings of the notification service ({@code tcc.notification.*}). */
@ConfigMapping(prefix = "tcc.notification")
public interface NotificationConfig {

    /** Seed the recipients directory with the local realm's users (local stack, dev and tests only). */
    @WithDefault("false")
    boolean seedRecipients();

    Delivery delivery();

    Webhooks webhooks();

    Escalation escalation();

    Stream stream();

    interface Delivery {
        /** Attempts of a webhook or e-mail delivery before it is DEAD and dead-lettered. */
        @WithDefault("8")
        int maxAttempts();

        /** Delay after the first failed attempt; doubles with each further failure (with jitter). */
        @WithDefault("PT5S")
        Duration initialBackoff();

        @WithDefault("PT10M")
        Duration maxBackoff();

        /** How long a worker owns the deliveries it claimed; a crashed worker's claims are retried after it. */
        @WithDefault("PT2M")
        Duration lease();

        /** How often the worker looks for due deliveries when nothing woke it. */
        @WithDefault("PT1S")
        Duration pollInterval();

        /**
         * Deliveries claimed per poll: also how many a crash between sending and recording can send twice, so small
         * (e-mail is at-least-once across a crash).
         */
        @WithDefault("20")
        int batchSize();

        /**
         * E-mail and webhook updates of one alert to one recipient: at most one per interval, and only when what a
         * person acts on (severity, affected countries, lifecycle) changed; the live stream carries every version.
         */
        @WithDefault("PT1M")
        Duration coalesceInterval();

        /** Deliveries attempted at the same time by one replica. */
        @WithDefault("4")
        int parallelism();
    }

    interface Webhooks {
        /** Connect and response timeout of one webhook request. */
        @WithDefault("PT10S")
        Duration timeout();

        /** Allow plain-http webhook URLs to localhost (tests and the local stack); https is required otherwise. */
        @WithDefault("false")
        boolean allowPlainHttpLocalhost();

        /**
         * Networks (CIDR or single addresses) and host names a webhook may reach although they are not public
         * (loopback, private, link-local ...): none by default; the local stack and the tests list their own
         * machine's receivers.
         */
        Optional<List<String>> allowedTargets();
    }

    interface Escalation {
        /** How long a country may stay silent on a Severe/Extreme alert before the next chain step is notified. */
        @WithDefault("PT2M")
        Duration ackTimeout();

        /** How often the scheduler looks for due escalations. */
        @WithDefault("PT5S")
        Duration pollInterval();

        /** Escalations handled per scheduler run. */
        @WithDefault("50")
        int batchSize();
    }

    interface Stream {
        /** How often open streams look for notifications written by other replicas. */
        @WithDefault("PT1S")
        Duration pollInterval();

        /**
         * Events a subscriber may leave unwritten (its connection is not keeping up) before its stream is closed;
         * it then resumes with Last-Event-ID instead of holding up the others.
         */
        @WithDefault("1000")
        int maxUnsent();

        /** Interval of the SSE keep-alive comment. */
        @WithDefault("PT15S")
        Duration heartbeat();

        /** Streams one user (token subject) may hold open at once, on this replica; one more is a 429. */
        @WithDefault("5")
        int maxPerUser();
    }
}

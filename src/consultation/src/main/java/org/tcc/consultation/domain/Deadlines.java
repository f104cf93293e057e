package org.tcc.consultation.domain;

import java.time.Duration;

/** How long a participant has to join a convened consultation, and to respond to a proposal. */
public record Deadlines(Duration join, Duration respond) {

    public Deadlines {
        if (join == null || join.isNegative() || join.isZero() || respond == null || respond.isNegative()
                || respond.isZero()) {
            throw new IllegalArgumentException("deadlines must be positive durations");
        }
    }
}

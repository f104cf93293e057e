package org.tcc.notification.domain;

import java.util.Optional;

/**
 * A step of a country's escalation chain. Liaisons receive every notification for their country; the later steps are
 * reached only when the country stays silent (no acknowledgement) or a consultation escalates.
 */
public enum ChainStep {
    LIAISON(0), DUTY_OFFICER(1), SENIOR_OFFICIAL(2);

    private final int level;

    ChainStep(int level) {
        this.level = level;
    }

    public int level() {
        return level;
    }

    public static ChainStep ofLevel(int level) {
        for (ChainStep step : values()) {
            if (step.level == level) {
                return step;
            }
        }
        throw new IllegalArgumentException("no chain step at level " + level);
    }

    /** The step after this one, empty at the end of the chain. */
    public Optional<ChainStep> next() {
        return level + 1 < values().length ? Optional.of(ofLevel(level + 1)) : Optional.empty();
    }
}

package org.tcc.contracts.events.consultation;

import java.time.Instant;
import org.tcc.contracts.Country;

/**
 * A participant stayed silent past a deadline, so the consultation moved one level up.
 *
 * @param missed {@link #MISSED_JOIN} or {@link #MISSED_RESPOND}
 * @param dueAt the deadline that was missed
 */
public record ConsultationEscalated(
        ConsultationState consultation,
        Country silentCountry,
        String missed,
        Level fromLevel,
        Level toLevel,
        Instant dueAt) implements ConsultationEvent {

    /** The silent country did not join by the join deadline. */
    public static final String MISSED_JOIN = "JOIN";
    /** The silent country did not respond to a proposal by its response deadline. */
    public static final String MISSED_RESPOND = "RESPOND";
}

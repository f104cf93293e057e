package org.tcc.contracts.events.consultation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.tcc.contracts.events.Actor;

/**
 * A consultation was convened; participants must join by {@code joinDeadline} or the consultation escalates.
 *
 * @param convenedBy optional: null when convened by policy (e.g. automatically for an alert)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsultationConvened(ConsultationState consultation, Actor convenedBy, Instant joinDeadline)
        implements ConsultationEvent {
}

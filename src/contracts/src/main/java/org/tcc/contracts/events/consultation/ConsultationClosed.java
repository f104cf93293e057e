package org.tcc.contracts.events.consultation;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.tcc.contracts.events.Actor;

/**
 * The consultation was closed (phase CLOSED or CANCELLED); no further events follow.
 *
 * @param closedBy optional: null when closed by policy (e.g. its alert was cancelled)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsultationClosed(ConsultationState consultation, Actor closedBy, String reason)
        implements ConsultationEvent {
}

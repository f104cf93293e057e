package org.tcc.contracts.events.consultation;

import org.tcc.contracts.events.Actor;

/** A participant abstained on the proposal. */
public record ProposalAbstained(ConsultationState consultation, Actor by, String proposalId, String reason) implements ConsultationEvent {
}

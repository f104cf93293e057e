package org.tcc.contracts.events.consultation;

import org.tcc.contracts.events.Actor;

/** A participant approved the proposal. */
public record ProposalApproved(ConsultationState consultation, Actor by, String proposalId) implements ConsultationEvent {
}

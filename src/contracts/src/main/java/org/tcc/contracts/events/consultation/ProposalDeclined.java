package org.tcc.contracts.events.consultation;

import org.tcc.contracts.events.Actor;

/** A participant declined the proposal. */
public record ProposalDeclined(ConsultationState consultation, Actor by, String proposalId, String reason) implements ConsultationEvent {
}

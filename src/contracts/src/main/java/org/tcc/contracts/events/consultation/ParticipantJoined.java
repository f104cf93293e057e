package org.tcc.contracts.events.consultation;

import org.tcc.contracts.events.Actor;

/** A participant country joined. */
public record ParticipantJoined(ConsultationState consultation, Actor participant) implements ConsultationEvent {
}

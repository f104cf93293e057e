package org.tcc.contracts.events.consultation;

import org.tcc.contracts.events.Actor;

/** A participant stated its assessment of the situation and its position. */
public record PositionSubmitted(ConsultationState consultation, Actor by, String assessment, String position) implements ConsultationEvent {
}

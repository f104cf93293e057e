package org.tcc.contracts.events.consultation;

import org.tcc.contracts.events.EventPayload;

/** An event on {@link org.tcc.contracts.Topics#CONSULTATIONS}: carries the consultation snapshot after the change. */
public interface ConsultationEvent extends EventPayload {

    ConsultationState consultation();

    /** The Kafka key: {@code consultationId}. */
    @Override
    default String aggregateId() {
        return consultation() == null ? null : consultation().consultationId();
    }
}

package org.tcc.contracts.events.alert;

import org.tcc.contracts.events.EventPayload;

/** An event on {@link org.tcc.contracts.Topics#ALERTS}: carries the alert snapshot after the change. */
public interface AlertEvent extends EventPayload {

    AlertState alert();

    /** The Kafka key: {@code alertId}. */
    @Override
    default String aggregateId() {
        return alert() == null ? null : alert().alertId();
    }
}

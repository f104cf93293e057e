package org.tcc.consultation.service;

import org.tcc.contracts.EventType;
import org.tcc.contracts.events.alert.AlertEvent;

/** An alert event read off the topic and checked (id, type, schema), not yet applied. */
public record ReceivedAlertEvent(String eventId, EventType type, AlertEvent event) {
}

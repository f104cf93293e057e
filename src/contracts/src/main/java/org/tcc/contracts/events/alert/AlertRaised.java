package org.tcc.contracts.events.alert;

/** A new alert; the first event of its alert. */
public record AlertRaised(AlertState alert) implements AlertEvent {
}

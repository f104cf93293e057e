package org.tcc.contracts.events.alert;

/** A country acknowledged the alert; the snapshot already lists {@code acknowledgement}. */
public record AlertAcknowledged(AlertState alert, Acknowledgement acknowledgement) implements AlertEvent {
}

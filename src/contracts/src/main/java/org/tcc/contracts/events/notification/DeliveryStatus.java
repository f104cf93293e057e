package org.tcc.contracts.events.notification;

/** State of one delivery: PENDING (will retry), SENT, FAILED (this attempt failed), DEAD (gave up). */
public enum DeliveryStatus {
    PENDING, SENT, FAILED, DEAD
}

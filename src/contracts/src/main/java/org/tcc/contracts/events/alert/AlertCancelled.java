package org.tcc.contracts.events.alert;

import org.tcc.contracts.events.Actor;

/** The alert was wrong (false alarm) and is withdrawn; lifecycle CANCELLED. */
public record AlertCancelled(AlertState alert, Actor cancelledBy, String reason) implements AlertEvent {
}

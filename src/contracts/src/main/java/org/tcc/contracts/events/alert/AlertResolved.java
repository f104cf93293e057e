package org.tcc.contracts.events.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.tcc.contracts.events.Actor;

/**
 * The situation is over; lifecycle RESOLVED.
 *
 * @param resolvedBy optional: null when resolved by policy (e.g. expiry)
 * @param reason optional
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertResolved(AlertState alert, Actor resolvedBy, String reason) implements AlertEvent {
}

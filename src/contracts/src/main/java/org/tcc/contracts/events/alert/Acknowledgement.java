package org.tcc.contracts.events.alert;

import java.time.Instant;
import org.tcc.contracts.Country;

/** A country's acknowledgement of an alert: by whom (token subject) and when. At most one per country. */
public record Acknowledgement(Country country, String subject, Instant at) {
}

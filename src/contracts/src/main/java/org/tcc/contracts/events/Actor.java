package org.tcc.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.tcc.contracts.Country;

/** Who did something: the token subject and the country from the token's {@code country} claim. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Actor(String subject, Country country) {
}

package org.tcc.contracts;

import java.util.Locale;
import java.util.Optional;

/** The three participating countries, as ISO 3166-1 alpha-3 codes (also the value of the {@code country} claim). */
public enum Country {
    USA, KOR, JPN;

    /** Parses a code case-insensitively, ignoring surrounding blanks; empty for null or an unknown code. */
    public static Optional<Country> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalized = code.strip().toUpperCase(Locale.ROOT);
        for (Country c : values()) {
            if (c.name().equals(normalized)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}

package org.tcc.ingestion.rest;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tcc.kit.rest.Problem;

/**
 * The query of a list request, read strictly: a parameter the endpoint does not know, one given twice, or a value
 * that is not one of the parameter's is a 400 {@code application/problem+json} naming the parameter — never a
 * silently ignored filter (which would widen the answer) and never a bare 404.
 */
final class QueryParameters {

    private final MultivaluedMap<String, String> values;

    QueryParameters(UriInfo uri, Set<String> known) {
        this.values = uri.getQueryParameters();
        for (Map.Entry<String, List<String>> parameter : values.entrySet()) {
            if (!known.contains(parameter.getKey())) {
                throw invalid(parameter.getKey(), "is not a query parameter of this endpoint (known: "
                        + String.join(", ", new TreeSet<>(known)) + ")");
            }
            if (parameter.getValue().size() > 1) {
                throw invalid(parameter.getKey(), "is given " + parameter.getValue().size() + " times; give it once");
            }
        }
    }

    /** The parameter's value, or null when absent or empty. */
    String text(String name) {
        String value = values.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    <E extends Enum<E>> E enumeration(String name, Class<E> type, String hint) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw invalid(name, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants())
                + (hint == null ? "" : "; " + hint));
    }

    Integer integer(String name, int min, int max) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // the same answer as out of range
        }
        throw invalid(name, "'" + value + "' is not a whole number between " + min + " and " + max);
    }

    Instant instant(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name, "'" + value + "' is not an ISO-8601 UTC instant such as 2026-11-29T12:00:00Z");
        }
    }

    static Problem invalid(String parameter, String message) {
        return new Problem(400, "Invalid query parameter", parameter + ": " + message,
                List.of(new Problem.FieldError(parameter, message)), null);
    }
}

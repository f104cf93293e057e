package org.tcc.kit.rest;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The query of a request, read strictly: a parameter the endpoint does not know, one given twice, or a value that is
 * not one of the parameter's is a 400 {@code invalid-query} problem naming the parameter — never a silently ignored
 * filter (which would widen the answer) and never a bare 404. Every list reads its page with {@link #limit()} and
 * {@link #cursor(String, int)}: {@code limit} 1 to {@value #MAX_LIMIT} (default {@value #DEFAULT_LIMIT}) and the
 * opaque {@code cursor} a previous page returned as {@code next}.
 */
public final class Query {

    public static final String CURSOR = "cursor";
    public static final String LIMIT = "limit";
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private final MultivaluedMap<String, String> values;

    /** {@code known} lists the endpoint's parameters; a list's {@code cursor} and {@code limit} are added here. */
    public Query(UriInfo uri, Set<String> known) {
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

    /** The parameters of a list: {@code names} and {@code cursor}, {@code limit}. */
    public static Set<String> listParameters(String... names) {
        Set<String> all = new TreeSet<>(Arrays.asList(names));
        all.add(CURSOR);
        all.add(LIMIT);
        return Set.copyOf(all);
    }

    /** True when the parameter is present (even empty). */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The parameter's value, or null when absent or empty. */
    public String text(String name) {
        String value = values.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public <E extends Enum<E>> E enumeration(String name, Class<E> type) {
        return enumeration(name, type, null);
    }

    /** {@code hint}, when not null, is added to the 400's message (where the value may have gone). */
    public <E extends Enum<E>> E enumeration(String name, Class<E> type, String hint) {
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

    /** A country code, USA, KOR or JPN (any case, as everywhere a country is named). */
    public org.tcc.contracts.Country country(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        return org.tcc.contracts.Country.parse(value)
                .orElseThrow(() -> invalid(name, "'" + value + "' is not one of USA, KOR, JPN"));
    }

    public Integer integer(String name, int min, int max) {
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

    public Long number(String name, long min) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= min) {
                return number;
            }
        } catch (NumberFormatException e) {
            // the same answer as out of range
        }
        throw invalid(name, "'" + value + "' is not a whole number of at least " + min);
    }

    public Instant instant(String name) {
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

    public UUID uuid(String name, String what) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw invalid(name, "'" + value + "' is not " + what + " id");
        }
    }

    /** The page size: {@code limit}, 1 to {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}. */
    public int limit() {
        Integer limit = integer(LIMIT, 1, MAX_LIMIT);
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    /** The position {@code cursor} names in list {@code list}, or null for the first page. */
    public Cursor.Position cursor(String list, int keys) {
        return Cursor.decode(list, text(CURSOR), keys);
    }

    public static Problem invalid(String parameter, String message) {
        return Problem.invalidQuery(parameter, message);
    }
}

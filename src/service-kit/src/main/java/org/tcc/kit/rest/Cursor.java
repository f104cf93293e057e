package org.tcc.kit.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Opaque page cursors: the keys of the last item of a page (the keyset the next page continues after), tagged with
 * the list they belong to, in base64url. A client passes a page's {@code next} back as {@code cursor} and never
 * builds one: anything that does not decode to a position of this list (garbage, an edited token, another list's
 * cursor) is a 400 {@code invalid-query} on {@code cursor}. A cursor carries no rights: it only positions a list
 * whose filters and visibility are applied again on every page, so a forged one can never widen what is read.
 */
public final class Cursor {

    private static final String VERSION = "1";
    private static final String SEPARATOR = "|";

    private Cursor() {
    }

    /** The cursor of the position after an item whose sort keys are {@code keys}, in list {@code list}. */
    public static String encode(String list, Object... keys) {
        String text = VERSION + SEPARATOR + list + SEPARATOR
                + Arrays.stream(keys).map(String::valueOf).collect(Collectors.joining(SEPARATOR));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The position {@code cursor} names, or null when there is none (the first page). */
    public static Position decode(String list, String cursor, int keys) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8)
                    .split("\\" + SEPARATOR, -1);
        } catch (IllegalArgumentException e) {
            throw forged();
        }
        if (parts.length != keys + 2 || !VERSION.equals(parts[0]) || !list.equals(parts[1])) {
            throw forged();
        }
        return new Position(Arrays.copyOfRange(parts, 2, parts.length));
    }

    static Problem forged() {
        return Query.invalid(Query.CURSOR, "is not a cursor returned by this list; pass the `next` of its "
                + "previous page, or leave it out for the first page");
    }

    /** The keys a cursor holds, read by position; a key that is not of the type asked for is a forged cursor. */
    public static final class Position {

        private final String[] keys;

        Position(String[] keys) {
            this.keys = keys;
        }

        public String text(int i) {
            return keys[i];
        }

        public Instant instant(int i) {
            try {
                return Instant.parse(keys[i]);
            } catch (RuntimeException e) {
                throw forged();
            }
        }

        public UUID uuid(int i) {
            try {
                return UUID.fromString(keys[i]);
            } catch (RuntimeException e) {
                throw forged();
            }
        }

        public long number(int i) {
            try {
                return Long.parseLong(keys[i]);
            } catch (RuntimeException e) {
                throw forged();
            }
        }

        public <E extends Enum<E>> E enumeration(int i, Class<E> type) {
            try {
                return Enum.valueOf(type, keys[i]);
            } catch (RuntimeException e) {
                throw forged();
            }
        }
    }
}

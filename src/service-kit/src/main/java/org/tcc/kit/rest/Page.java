package org.tcc.kit.rest;

import java.util.List;
import java.util.function.Function;

/**
 * The envelope of every list: {@code items} in the list's order, and {@code next}, the opaque cursor of the
 * following page (null on the last page). A client reads a list by passing {@code next} back as {@code cursor}.
 */
public record Page<T>(List<T> items, String next) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * The page out of {@code rows}, which a keyset query read with {@code limit + 1}: the extra row only tells that
     * a next page exists, whose cursor is that of the last row shown.
     */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, T> view, Function<R, String> cursor) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        return new Page<>(shown.stream().map(view).toList(), more ? cursor.apply(shown.get(shown.size() - 1)) : null);
    }
}

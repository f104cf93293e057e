package org.tcc.contracts.events;

import java.util.List;

/** Helpers for the event records. */
public final class Values {

    private Values() {
    }

    /** An unmodifiable copy of {@code list}, or null when it is null (optional fields stay absent). */
    public static <T> List<T> copy(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }
}

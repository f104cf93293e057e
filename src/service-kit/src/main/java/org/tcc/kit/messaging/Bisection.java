package org.tcc.kit.messaging;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Applies a list whole and, when that fails, each half alone, recursively: the items that fail alone reach
 * {@code failedAlone}; every other item is applied exactly once, in the list's order. A bad item among n costs about
 * log2(n) failed attempts instead of n separate ones.
 */
public final class Bisection {

    private Bisection() {
    }

    /**
     * @param whole applies a sub-list in one attempt (all or nothing)
     * @param single applies one item that failed with others (may retry it), or throws when it never applies
     * @param failedAlone what happens to an item {@code single} gave up on
     * @param onSplit told how many items failed together before they are split
     */
    public static <T> void apply(List<T> items, Consumer<List<T>> whole, Consumer<T> single,
                                 BiConsumer<T, RuntimeException> failedAlone, Consumer<RuntimeException> onSplit) {
        if (items.isEmpty()) {
            return;
        }
        if (items.size() == 1) {
            T only = items.get(0);
            try {
                single.accept(only);
            } catch (RuntimeException e) {
                failedAlone.accept(only, e);
            }
            return;
        }
        try {
            whole.accept(items);
            return;
        } catch (RuntimeException e) {
            onSplit.accept(e);
        }
        int half = items.size() / 2;
        apply(items.subList(0, half), whole, single, failedAlone, onSplit);
        apply(items.subList(half, items.size()), whole, single, failedAlone, onSplit);
    }
}

package org.tcc.kit.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BisectionTest {

    /** A database that refuses any transaction containing a poisoned record, and records what it committed. */
    private static final class Store {
        final Set<Integer> poisoned;
        final List<Integer> committed = new ArrayList<>();
        int attempts;

        Store(Set<Integer> poisoned) {
            this.poisoned = poisoned;
        }

        void commit(List<Integer> batch) {
            attempts++;
            if (batch.stream().anyMatch(poisoned::contains)) {
                throw new Rejected("poisoned");
            }
            committed.addAll(batch);
        }
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void aCleanBatchIsAppliedInOneAttempt() {
        Store store = new Store(Set.of());
        List<Integer> failed = new ArrayList<>();
        Bisection.apply(range(200), store::commit, one -> store.commit(List.of(one)), (one, e) -> failed.add(one),
                e -> { });
        assertEquals(range(200), store.committed);
        assertEquals(1, store.attempts);
        assertEquals(List.of(), failed);
    }

    @Test
    void oneBadRecordIsIsolatedInLogarithmicallyManyAttemptsAndTheOthersAreAppliedOnceInOrder() {
        Store store = new Store(Set.of(137));
        List<Integer> failed = new ArrayList<>();
        Bisection.apply(range(200), store::commit, one -> store.commit(List.of(one)), (one, e) -> failed.add(one),
                e -> { });
        List<Integer> expected = new ArrayList<>(range(200));
        expected.remove(Integer.valueOf(137));
        assertEquals(expected, store.committed);
        assertEquals(List.of(137), failed);
        // each level of the split costs at most two attempts: far fewer than one transaction per record
        assertEquals(true, store.attempts <= 2 * 8 + 1, "attempts: " + store.attempts);
    }

    @Test
    void severalBadRecordsAreAllIsolated() {
        Store store = new Store(Set.of(0, 1, 99, 199));
        List<Integer> failed = new ArrayList<>();
        Bisection.apply(range(200), store::commit, one -> store.commit(List.of(one)), (one, e) -> failed.add(one),
                e -> { });
        assertEquals(List.of(0, 1, 99, 199), failed);
        assertEquals(196, store.committed.size());
        assertEquals(store.committed.stream().sorted().toList(), store.committed);
    }

    @Test
    void aSingleRecordGoesStraightToTheSingleHandler() {
        List<Integer> singles = new ArrayList<>();
        Bisection.apply(List.of(7), batch -> { throw new IllegalStateException("not for one"); }, singles::add,
                (one, e) -> { }, e -> { });
        assertEquals(List.of(7), singles);
    }
}

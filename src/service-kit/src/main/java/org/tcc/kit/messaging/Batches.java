package org.tcc.kit.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * A polled batch of records, applied in one transaction instead of one per record, with per-record outcomes kept:
 * records their handler rejects while preparing go to the dead-letter topic alone; the rest are applied together,
 * in poll order (so per partition in offset order); if that fails, they are applied one at a time (each retried
 * while its failure may pass, as a single record always was), so a bad record is dead-lettered alone and the
 * consumer carries on.
 */
public final class Batches {

    private static final Logger LOG = Logger.getLogger(Batches.class);

    /** What a handler made of one record. */
    public record Prepared<T>(ConsumerRecord<String, byte[]> record, T value) {
    }

    private Batches() {
    }

    /**
     * @param prepare checks and reads one record (no database); throws {@link Rejected} for a record that can
     *                never be processed
     * @param applyAll applies many in one transaction
     * @param applyOne applies one in its own transaction
     */
    public static <T> void process(ConsumerRecords<String, byte[]> batch, String what, Duration patience,
                                   DeadLetters deadLetters, Function<ConsumerRecord<String, byte[]>, T> prepare,
                                   Consumer<List<T>> applyAll, Consumer<T> applyOne) {
        List<Prepared<T>> valid = new ArrayList<>(batch.count());
        for (ConsumerRecord<String, byte[]> record : batch) {
            try {
                valid.add(new Prepared<>(record, prepare.apply(record)));
            } catch (Rejected e) {
                deadLetters.send(record, e.getMessage());
            }
        }
        if (valid.isEmpty()) {
            return;
        }
        if (valid.size() > 1) {
            try {
                applyAll.accept(valid.stream().map(Prepared::value).toList());
                return;
            } catch (RuntimeException e) {
                LOG.warnf("%s: a batch of %d failed together (%s); applying them one at a time", what, valid.size(),
                        e.toString());
            }
        }
        for (Prepared<T> p : valid) {
            try {
                TransientRetry.run(what, patience, () -> applyOne.accept(p.value()));
            } catch (Rejected e) {
                deadLetters.send(p.record(), e.getMessage());
            }
        }
    }
}

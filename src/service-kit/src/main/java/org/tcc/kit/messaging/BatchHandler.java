package org.tcc.kit.messaging;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What one consumer does with its topic's records; {@link BatchConsumer} does the rest (one transaction per polled
 * batch, duplicates skipped, bad records dead-lettered, failing batches bisected, transient failures retried).
 *
 * @param <T> a record once read and checked
 */
public interface BatchHandler<T> {

    /**
     * The consumer's name in the processed-message log, by convention {@code <service>.<channel>} (for example
     * {@code notification.alerts}).
     */
    String consumerId();

    /**
     * Reads and checks one record without touching the database.
     *
     * @throws Rejected when the record can never be processed (it goes to the dead-letter topic alone)
     */
    T check(ConsumerRecord<String, byte[]> record);

    /**
     * The CloudEvents id that makes {@code checked} a duplicate, recorded in the processed-message log in the batch's
     * transaction; {@code null} when the handler recognises duplicates by itself (a sensor report's own id).
     */
    String eventId(T checked);

    /**
     * Applies the batch's new records, in poll order (so per partition in offset order), inside the transaction
     * {@link BatchConsumer} opened. Throws {@link Rejected} when a single record can never be applied.
     */
    void apply(List<T> fresh);

    /** A handler made of its four parts, for an adapter that consumes several channels. */
    static <T> BatchHandler<T> of(String consumerId, Function<ConsumerRecord<String, byte[]>, T> check,
                                  Function<T, String> eventId, Consumer<List<T>> apply) {
        return new BatchHandler<>() {
            @Override
            public String consumerId() {
                return consumerId;
            }

            @Override
            public T check(ConsumerRecord<String, byte[]> record) {
                return check.apply(record);
            }

            @Override
            public String eventId(T checked) {
                return eventId.apply(checked);
            }

            @Override
            public void apply(List<T> fresh) {
                apply.accept(fresh);
            }
        };
    }
}

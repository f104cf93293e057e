package org.tcc.kit.messaging;

/**
 * A message that can never be processed (forged, malformed, of an unknown type...). Thrown by a
 * {@link BatchHandler}, it makes {@link BatchConsumer} move the record alone to {@code <topic>.dlq} with this message
 * as the {@code dead-letter-reason} header; the consumer then carries on with the rest of the batch.
 */
public class Rejected extends RuntimeException {

    public Rejected(String reason) {
        super(reason, null, false, false);
    }
}

package org.tcc.kit.messaging;

/**
 * A message that can never be processed (forged, malformed, of an unknown type...). Thrown by a handler, it nacks
 * the record, which the channel's dead-letter-queue failure strategy moves to {@code <topic>.dlq} with this
 * message as the {@code dead-letter-reason} header; the consumer then carries on with the next record.
 */
public class Rejected extends RuntimeException {

    public Rejected(String reason) {
        super(reason, null, false, false);
    }
}

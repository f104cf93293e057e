package org.tcc.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.tcc.contracts.CloudEvents;
import org.tcc.contracts.EventType;

/** A Kafka record read as a binary-mode CloudEvent: its id and type come from the {@code ce_*} headers. */
public record IncomingEvent(String id, String ceType, String source, String subject, String key, byte[] data,
                            Headers headers) {

    public static IncomingEvent of(ConsumerRecord<String, byte[]> record) {
        Headers headers = record.headers();
        return new IncomingEvent(header(headers, CloudEvents.HEADER_ID), header(headers, CloudEvents.HEADER_TYPE),
                header(headers, CloudEvents.HEADER_SOURCE), header(headers, CloudEvents.HEADER_SUBJECT), record.key(),
                record.value(), headers);
    }

    public Optional<EventType> type() {
        return ceType == null ? Optional.empty() : EventType.fromCeType(ceType);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(header(headers, name));
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

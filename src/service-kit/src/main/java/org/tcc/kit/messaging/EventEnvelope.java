package org.tcc.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.tcc.contracts.CloudEvents;
import org.tcc.kit.inbox.ProcessedMessages;

/**
 * The CloudEvents attributes every record on a TCC event topic must carry, checked by {@link BatchConsumer} before
 * any handler reads the record. An event whose attributes are malformed, or whose {@code ce_source} is not the
 * topic's publisher ({@link CloudEvents#publisherOf}), can never be processed: it is {@link Rejected} (dead-lettered
 * at once with the reason), never retried. The ACLs already stop other principals from writing the topic; this
 * check stops what slips past them (a misrouted producer, a replayed record from elsewhere) and keeps a malformed id
 * from reaching the processed-message log.
 */
public final class EventEnvelope {

    /** RFC 3339 date-time: ISO offset date-time, {@code T}/{@code t} and {@code Z}/{@code z} alike. */
    private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME).toFormatter();

    private EventEnvelope() {
    }

    /**
     * Checks {@code record}'s envelope if its topic has a publisher; records of other topics (the signed feed) pass.
     *
     * @throws Rejected naming the attribute that is missing or malformed, or the unexpected {@code ce_source}
     */
    public static void check(ConsumerRecord<String, byte[]> record) {
        Optional<String> publisher = CloudEvents.publisherOf(record.topic());
        if (publisher.isEmpty()) {
            return;
        }
        String id = header(record, CloudEvents.HEADER_ID);
        if (id == null || id.isBlank()) {
            throw new Rejected("missing " + CloudEvents.HEADER_ID + " header");
        }
        if (id.length() > ProcessedMessages.MAX_ID_LENGTH) {
            throw new Rejected(CloudEvents.HEADER_ID + " longer than " + ProcessedMessages.MAX_ID_LENGTH
                    + " characters (" + id.length() + ")");
        }
        String type = header(record, CloudEvents.HEADER_TYPE);
        if (type == null || type.isBlank()) {
            throw new Rejected("missing " + CloudEvents.HEADER_TYPE + " header");
        }
        String source = header(record, CloudEvents.HEADER_SOURCE);
        if (!publisher.get().equals(source)) {
            throw new Rejected(CloudEvents.HEADER_SOURCE + " " + (source == null ? "missing" : "'" + abbreviate(source)
                    + "'") + ": only " + publisher.get() + " publishes on " + record.topic());
        }
        String specVersion = header(record, CloudEvents.HEADER_SPEC_VERSION);
        if (specVersion != null && !CloudEvents.SPEC_VERSION.equals(specVersion)) {
            throw new Rejected(CloudEvents.HEADER_SPEC_VERSION + " '" + abbreviate(specVersion) + "' is not "
                    + CloudEvents.SPEC_VERSION);
        }
        String time = header(record, CloudEvents.HEADER_TIME);
        if (time != null) {
            try {
                RFC_3339.parse(time);
            } catch (DateTimeParseException e) {
                throw new Rejected(CloudEvents.HEADER_TIME + " '" + abbreviate(time) + "' is not an RFC 3339 time");
            }
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A header value as a reason quotes it: at most 80 characters. */
    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "...";
    }
}

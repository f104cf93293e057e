package org.tcc.kit.observability;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.MDC;
import org.tcc.contracts.CloudEvents;
import org.tcc.contracts.Topics;

/**
 * What a log line is about, in the MDC (JSON logs carry it as fields): {@code ce_id} of the record being consumed,
 * {@code alertId} or {@code consultationId} of the aggregate it is about (its {@code ce_subject} on the alert and
 * consultation topics), set by the kit's consumer path and its REST filter. The trace and span ids are put there by
 * the OpenTelemetry extension ({@code traceId}, {@code spanId}) whenever a span is current.
 */
public final class LogContext {

    public static final String CE_ID = "ce_id";
    public static final String ALERT_ID = "alertId";
    public static final String CONSULTATION_ID = "consultationId";

    private LogContext() {
    }

    /** Puts the record's ids in the MDC; returns its CloudEvents id (null when it has none). */
    public static String enterRecord(ConsumerRecord<String, ?> record) {
        String ceId = header(record, CloudEvents.HEADER_ID);
        put(CE_ID, ceId);
        String subject = header(record, CloudEvents.HEADER_SUBJECT);
        if (Topics.ALERTS.equals(record.topic())) {
            put(ALERT_ID, subject);
        } else if (Topics.CONSULTATIONS.equals(record.topic())) {
            put(CONSULTATION_ID, subject);
        }
        return ceId;
    }

    /** Sets (or, for null, removes) one key. */
    public static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    /** Removes the keys this class sets. */
    public static void leave() {
        MDC.remove(CE_ID);
        MDC.remove(ALERT_ID);
        MDC.remove(CONSULTATION_ID);
    }

    private static String header(ConsumerRecord<String, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

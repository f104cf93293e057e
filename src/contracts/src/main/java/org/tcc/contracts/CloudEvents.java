package org.tcc.contracts;

/**
 * CloudEvents 1.0 in Kafka binary mode: the event attributes travel as record headers, the record value is the
 * JSON payload (the event record), the record key is the aggregate id (see {@link Topics}).
 * {@code ce_type} is {@link EventType#ceType()}, {@code ce_subject} repeats the aggregate id.
 */
public final class CloudEvents {

    public static final String HEADER_SPEC_VERSION = "ce_specversion";
    /** Unique per event; consumers use it to drop duplicates. */
    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_TYPE = "ce_type";
    /** RFC 3339 timestamp of the occurrence. */
    public static final String HEADER_TIME = "ce_time";
    /** The aggregate id (same as the record key). */
    public static final String HEADER_SUBJECT = "ce_subject";
    /** Binary mode carries {@code datacontenttype} as the plain {@code content-type} header. */
    public static final String HEADER_CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";

    /** {@code ce_source} of events produced by the alert-ingestion service. */
    public static final String SOURCE_ALERT_INGESTION = "/tcc/alert-ingestion";
    /** {@code ce_source} of events produced by the consultation service. */
    public static final String SOURCE_CONSULTATION = "/tcc/consultation";
    /** {@code ce_source} of events produced by the notification service. */
    public static final String SOURCE_NOTIFICATION = "/tcc/notification";
    /** {@code ce_source} of reports produced by sensor feeds. */
    public static final String SOURCE_SENSOR_FEED = "/tcc/sensor-feed";

    private CloudEvents() {
    }

    /**
     * The {@code ce_source} of the one service that publishes on {@code topic}: a consumer dead-letters an event on
     * that topic whose {@code ce_source} says otherwise. Empty for the feed topic, whose reports are signed (the
     * signature, not a header, says which sensor sent them), and for topics that are not TCC's.
     */
    public static java.util.Optional<String> publisherOf(String topic) {
        switch (topic) {
            case Topics.ALERTS:
                return java.util.Optional.of(SOURCE_ALERT_INGESTION);
            case Topics.CONSULTATIONS:
            case Topics.AUDIT_CHECKPOINTS:
                return java.util.Optional.of(SOURCE_CONSULTATION);
            case Topics.NOTIFICATIONS:
                return java.util.Optional.of(SOURCE_NOTIFICATION);
            default:
                return java.util.Optional.empty();
        }
    }
}

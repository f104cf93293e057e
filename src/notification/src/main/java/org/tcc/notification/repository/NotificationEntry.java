package org.tcc.notification.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.notification.domain.ChainStep;
import org.tcc.notification.domain.Notice;

/** One entry of a country's notification stream; {@code seq} is its SSE event id. */
@Entity
@Table(name = "notification")
public class NotificationEntry {

    /** Allocated 50 at a time, so a batch's rows are inserted in JDBC batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_id")
    @SequenceGenerator(name = "notification_id", sequenceName = "notification_id_seq", allocationSize = 50)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Country country;

    @Column(nullable = false)
    public long seq;

    @Column(name = "source_key", nullable = false)
    public String sourceKey;

    @Column(name = "source_event_id", nullable = false)
    public String sourceEventId;

    @Column(name = "source_event_type", nullable = false)
    public String sourceEventType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Notice.Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "chain_step", nullable = false)
    public ChainStep chainStep;

    @Column(name = "alert_id")
    public String alertId;

    @Column(name = "consultation_id")
    public String consultationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "traffic_status", nullable = false)
    public TrafficStatus trafficStatus;

    /** The English title (the log's; each channel sends its reader's language). */
    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** W3C {@code traceparent} of the consumed event's span: the stream write, e-mail and webhook continue it. */
    @Column(name = "trace_parent")
    public String traceParent;

    /** When the event that caused this notice reached the broker (for the event -> stream-write latency). */
    @Column(name = "source_event_at")
    public Instant sourceEventAt;

    /**
     * The notice in every language for this country, {@code {"en":{"title":…,"text":…},"ko":…,"ja":…}}; null for
     * entries written before languages (their payload carries the English title and text).
     */
    public String texts;

    /** The documents already put together for a language, by language ordinal (not stored; one read's lifetime). */
    @Transient
    public String[] documents;
}

package org.tcc.notification.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.notification.Channel;
import org.tcc.contracts.events.notification.DeliveryStatus;

/** One e-mail or webhook delivery (a notification to a recipient on a channel) and where it stands. */
@Entity
@Table(name = "delivery")
public class Delivery {

    @Id
    public UUID id;

    @Column(name = "notification_id", nullable = false)
    public long notificationId;

    @Column(name = "source_key", nullable = false)
    public String sourceKey;

    @Column(name = "recipient_id", nullable = false)
    public UUID recipientId;

    @Column(name = "recipient_name", nullable = false)
    public String recipientName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Country country;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    public String target;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(nullable = false)
    public short priority;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** The alert whose versions this delivery coalesces (null for consultation and escalation notices). */
    @Column(name = "alert_id")
    public String alertId;

    /** What a person acts on in the version it carries ({@code Coalescing.digest}). */
    public String digest;

    /** The BCP 47 tag of the language it is written in: the recipient's when planned (null for older rows: en). */
    public String language;
}

package org.tcc.notification.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.notification.Channel;

/** A delivery that was given up (DEAD), kept with its payload and last error for inspection and replay. */
@Entity
@Table(name = "dead_letter")
public class DeadLetter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "delivery_id", nullable = false, unique = true)
    public UUID deliveryId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Country country;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    public String target;

    @Column(nullable = false)
    public int attempts;

    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}

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
import org.tcc.notification.domain.ChainStep;

/** A person (or desk) of a country's escalation chain and the channels that reach them. */
@Entity
@Table(name = "recipient")
public class Recipient {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Country country;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "chain_step", nullable = false)
    public ChainStep chainStep;

    public String email;

    @Column(name = "webhook_url")
    public String webhookUrl;

    @Column(name = "webhook_secret")
    public String webhookSecret;

    /** BCP 47 tag of the language the recipient reads notices in ({@code en}, {@code ko}, {@code ja}). */
    @Column(nullable = false)
    public String language;

    @Column(nullable = false)
    public boolean stream;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}

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
import org.tcc.notification.domain.ChainStep;

/** One change to the recipients directory (append-only). */
@Entity
@Table(name = "directory_audit")
public class DirectoryAuditEntry {

    public enum Action { CREATE, UPDATE, DEACTIVATE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public Instant at;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_country", updatable = false)
    public Country actorCountry;

    @Column(name = "actor_roles", nullable = false, updatable = false)
    public String actorRoles;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Action action;

    @Column(name = "recipient_id", nullable = false, updatable = false)
    public UUID recipientId;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_country", nullable = false, updatable = false)
    public Country recipientCountry;

    @Enumerated(EnumType.STRING)
    @Column(name = "chain_step", nullable = false, updatable = false)
    public ChainStep chainStep;

    @Column(updatable = false)
    public String before;

    @Column(nullable = false, updatable = false)
    public String after;
}

package org.tcc.consultation.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One entry of the append-only, hash-chained audit log (PostgreSQL refuses UPDATE and DELETE on it). */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntryEntity {

    @Id
    public long seq;

    public Instant at;

    @Column(name = "consultation_id")
    public UUID consultationId;

    public String subject;

    public String country;

    public String action;

    @Column(name = "phase_before")
    public String phaseBefore;

    @Column(name = "phase_after")
    public String phaseAfter;

    public String details;

    @Column(name = "prev_hash")
    public String prevHash;

    public String hash;
}

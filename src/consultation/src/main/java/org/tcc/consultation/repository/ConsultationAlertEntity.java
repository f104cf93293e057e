package org.tcc.consultation.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.tcc.contracts.events.alert.AlertLifecycle;

/** One alert of a consultation (the founding one has ordinal 0); an alert belongs to one consultation at most. */
@Entity
@Table(name = "consultation_alert")
public class ConsultationAlertEntity {

    @Id
    @Column(name = "alert_id")
    public UUID alertId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "consultation_id")
    public ConsultationEntity consultation;

    public int ordinal;

    /** Newest alert snapshot applied; older ones are ignored. */
    @Column(name = "alert_version")
    public long alertVersion;

    @Enumerated(EnumType.STRING)
    public AlertLifecycle lifecycle;

    /** The alert's {@code raisedAt}: what the crisis window measures. */
    @Column(name = "raised_at")
    public Instant raisedAt;

    @Column(name = "added_at")
    public Instant addedAt;
}

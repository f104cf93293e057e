package org.tcc.consultation.repository;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Region;
import org.tcc.contracts.events.consultation.ConsultationPhase;
import org.tcc.contracts.events.consultation.Level;

/** A consultation as stored; its rules live in {@link org.tcc.consultation.domain.Consultation}. */
@Entity
@Table(name = "consultation")
public class ConsultationEntity {

    @Id
    public UUID id;

    /** The founding alert (the one that convened it); null when convened by hand. */
    @Column(name = "alert_id")
    public UUID alertId;

    public String subject;

    @Enumerated(EnumType.STRING)
    public AlertType type;

    @Enumerated(EnumType.STRING)
    public Region region;

    @Enumerated(EnumType.STRING)
    @Column(name = "traffic_status")
    public TrafficStatus trafficStatus;

    @Enumerated(EnumType.STRING)
    public Level level;

    @Enumerated(EnumType.STRING)
    public ConsultationPhase phase;

    public long revision;

    /** Optimistic lock: two concurrent changes of one consultation cannot both commit. */
    @Version
    @Column(name = "lock_version")
    public long lockVersion;

    @Column(name = "convened_by_subject")
    public String convenedBySubject;

    @Enumerated(EnumType.STRING)
    @Column(name = "convened_by_country")
    public Country convenedByCountry;

    @Column(name = "convened_at")
    public Instant convenedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "next_due_at")
    public Instant nextDueAt;

    @Column(name = "proposal_id")
    public String proposalId;

    @Column(name = "proposal_statement")
    public String proposalStatement;

    /** JSON array of the proposed actions. */
    @Column(name = "proposal_actions")
    public String proposalActions;

    @Column(name = "proposed_by_subject")
    public String proposedBySubject;

    @Enumerated(EnumType.STRING)
    @Column(name = "proposed_by_country")
    public Country proposedByCountry;

    @Column(name = "proposed_at")
    public Instant proposedAt;

    @Column(name = "proposal_deadline")
    public Instant proposalDeadline;

    public String outcome;

    @Column(name = "close_reason")
    public String closeReason;

    @Column(name = "closed_by_subject")
    public String closedBySubject;

    @Enumerated(EnumType.STRING)
    @Column(name = "closed_by_country")
    public Country closedByCountry;

    @OneToMany(mappedBy = "consultation", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @OrderBy("country")
    public List<ParticipantEntity> participants = new ArrayList<>();

    /** How many alerts it lists, and the span of their raisedAt (what the crisis window is measured on). */
    @Column(name = "alert_count")
    public int alertCount;

    @Column(name = "first_alert_at")
    public Instant firstAlertAt;

    @Column(name = "last_alert_at")
    public Instant lastAlertAt;

    /** The alerts of the crisis, founding one first; read when needed, those of a page of consultations at once. */
    @OneToMany(mappedBy = "consultation", cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @OrderBy("ordinal")
    @BatchSize(size = 50)
    public List<ConsultationAlertEntity> alerts = new ArrayList<>();
}

package org.tcc.consultation.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.tcc.consultation.domain.Response;
import org.tcc.contracts.Country;

/** One participant country of a consultation, with its running deadlines. */
@Entity
@Table(name = "consultation_participant")
public class ParticipantEntity {

    /** Allocated 50 at a time, so a batch's participants are inserted in one JDBC batch (IDENTITY forbids that). */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "consultation_participant_id")
    @SequenceGenerator(name = "consultation_participant_id", sequenceName = "consultation_participant_id_seq",
            allocationSize = 50)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "consultation_id")
    public ConsultationEntity consultation;

    @Enumerated(EnumType.STRING)
    public Country country;

    @Column(name = "join_due_at")
    public Instant joinDueAt;

    @Column(name = "joined_at")
    public Instant joinedAt;

    @Column(name = "joined_by")
    public String joinedBy;

    public String assessment;

    public String position;

    @Column(name = "position_by")
    public String positionBy;

    @Column(name = "position_at")
    public Instant positionAt;

    @Enumerated(EnumType.STRING)
    public Response response;

    @Column(name = "response_reason")
    public String responseReason;

    @Column(name = "response_by")
    public String responseBy;

    @Column(name = "response_at")
    public Instant responseAt;

    @Column(name = "respond_due_at")
    public Instant respondDueAt;
}

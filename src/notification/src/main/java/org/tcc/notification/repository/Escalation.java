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
import java.time.Instant;
import org.tcc.contracts.Country;
import org.tcc.notification.domain.ChainStep;

/** The acknowledgement watch of one country on one Severe/Extreme alert. */
@Entity
@Table(name = "escalation")
public class Escalation {

    /** ACTIVE: waiting for an acknowledgement; STOPPED: acknowledged or alert no longer escalating; EXHAUSTED: chain end. */
    public enum State { ACTIVE, STOPPED, EXHAUSTED }

    /** Allocated 50 at a time, so a batch's rows are inserted in JDBC batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "escalation_id")
    @SequenceGenerator(name = "escalation_id", sequenceName = "escalation_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "alert_id", nullable = false)
    public String alertId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Country country;

    @Enumerated(EnumType.STRING)
    @Column(name = "chain_step", nullable = false)
    public ChainStep chainStep;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "next_at", nullable = false)
    public Instant nextAt;

    @Column(name = "alert_snapshot", nullable = false)
    public String alertSnapshot;

    /**
     * W3C {@code traceparent} of the alert event that started the watch (its consumer span): every step's escalation
     * span is a child of it.
     */
    @Column(name = "trace_parent")
    public String traceParent;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}

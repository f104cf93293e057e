package org.tcc.ingestion.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.tcc.contracts.Country;

/** One country's acknowledgement of an alert: who and when (one per country). */
@Embeddable
public class Acknowledgement {

    @Enumerated(EnumType.STRING)
    @Column(name = "country", nullable = false)
    public Country country;

    @Column(nullable = false)
    public String subject;

    @Column(name = "acknowledged_at", nullable = false)
    public Instant acknowledgedAt;

    public Acknowledgement() {
    }

    public Acknowledgement(Country country, String subject, Instant acknowledgedAt) {
        this.country = country;
        this.subject = subject;
        this.acknowledgedAt = acknowledgedAt;
    }
}

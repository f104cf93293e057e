package org.tcc.ingestion.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertLifecycle;
import org.tcc.contracts.events.alert.AlertOrigin;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Certainty;
import org.tcc.contracts.events.alert.Region;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.contracts.events.alert.Urgency;

/** An alert as stored; its wire form is {@link org.tcc.contracts.events.alert.AlertState}. */
@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    @Enumerated(EnumType.STRING)
    public AlertOrigin origin;

    @Enumerated(EnumType.STRING)
    @Column(name = "origin_country")
    public Country originCountry;

    @Column(name = "raised_by")
    public String raisedBy;

    @Enumerated(EnumType.STRING)
    public AlertType type;

    @Enumerated(EnumType.STRING)
    public Region region;

    @Enumerated(EnumType.STRING)
    @Column(name = "traffic_status")
    public TrafficStatus trafficStatus;

    @Enumerated(EnumType.STRING)
    public AlertLifecycle lifecycle;

    public String headline;

    public String description;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    @Enumerated(EnumType.STRING)
    public Urgency urgency;

    @Enumerated(EnumType.STRING)
    public Certainty certainty;

    @Column(name = "area_desc")
    public String areaDesc;

    /** JSON of the fused {@link org.tcc.contracts.events.alert.LaunchEstimate}, for sensor alerts. */
    public String launch;

    /** JSON array of the {@link org.tcc.contracts.events.alert.Threat}s of a sensor alert (impact, overflight). */
    public String threats;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "alert_releasable_to", joinColumns = @JoinColumn(name = "alert_id"))
    @Column(name = "country")
    @Enumerated(EnumType.STRING)
    public Set<Country> releasableTo = EnumSet.noneOf(Country.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "alert_affected_country", joinColumns = @JoinColumn(name = "alert_id"))
    @Column(name = "country")
    @Enumerated(EnumType.STRING)
    public Set<Country> affectedCountries = EnumSet.noneOf(Country.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "acknowledgement", joinColumns = @JoinColumn(name = "alert_id"))
    @OrderBy("acknowledgedAt")
    public List<Acknowledgement> acknowledgements = new ArrayList<>();

    /** Identifier of the CAP message the alert was raised from, if any. */
    @Column(name = "cap_identifier")
    public String capIdentifier;

    /** The fields a liaison officer set by hand; sensor refinements keep them (SensorAlerts.stable). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "liaison_edited", nullable = false)
    public List<String> liaisonEdited = new ArrayList<>();

    @Column(name = "raised_at")
    public Instant raisedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}

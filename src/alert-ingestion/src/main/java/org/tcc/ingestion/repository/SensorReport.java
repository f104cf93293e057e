package org.tcc.ingestion.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.TrafficStatus;

/** A sensor report applied to an alert (stored as received, for fusion and audit). */
@Entity
@Table(name = "sensor_report")
public class SensorReport extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "sensor_id") String sensorId, @Column(name = "report_id") String reportId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    /** Arrival order, assigned by the database (never read back: queries only sort by it). */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "alert_id", nullable = false)
    public UUID alertId;

    @Enumerated(EnumType.STRING)
    @Column(name = "reporting_country", nullable = false)
    public Country reportingCountry;

    @Enumerated(EnumType.STRING)
    @Column(name = "traffic_status", nullable = false)
    public TrafficStatus trafficStatus;

    @Column(name = "detected_at", nullable = false)
    public Instant detectedAt;

    @Column(name = "launch_lat", nullable = false)
    public double launchLat;

    @Column(name = "launch_lon", nullable = false)
    public double launchLon;

    /** Grid cell of the launch point, see {@link #cellOf}. */
    @Column(name = "launch_cell", nullable = false)
    public int launchCell;

    @Column(nullable = false)
    public String payload;

    /** A one-degree grid cell number of a position (latitude row × 360 + longitude column). */
    public static int cellOf(double lat, double lon) {
        int row = (int) Math.floor(Math.max(-90, Math.min(89.999, lat))) + 90;
        int column = (int) Math.floor(Math.max(-180, Math.min(179.999, lon))) + 180;
        return row * 360 + column;
    }
}

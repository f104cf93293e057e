package org.tcc.ingestion.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.TrafficStatus;

/**
 * Sensor reports as stored. The fusion path works a batch at a time, each step one statement for the whole batch
 * (arrays bound as parameters and unnested), so a batch costs a handful of statements whatever its size.
 */
@ApplicationScoped
public class SensorReportRepository implements PanacheRepositoryBase<SensorReport, SensorReport.Key> {

    /** High half of the fusion lock keys (the low half is a grid cell), apart from any other advisory lock. */
    private static final long FUSION_LOCK_SPACE = 0x7CC0_F05EL << 32;

    @Inject
    EntityManager em;

    /** A report to store: its key, the alert it was fused into, the fields fusion looks it up by, and its bytes. */
    public record NewReport(SensorReport.Key key, UUID alertId, Country reportingCountry, TrafficStatus status,
                            Instant detectedAt, double launchLat, double launchLon, String payload) {
    }

    /** A stored report of a candidate alert, in the alert's arrival order. */
    public record CandidateReport(UUID alertId, SensorReport.Key key) {
    }

    /**
     * Serialises fusion in the given grid cells across threads and replicas for the rest of the transaction: two
     * batches touching a common cell run one after the other. The locks are taken in ascending order in one
     * statement, so two batches can never wait for each other in a cycle.
     */
    public void lockFusionCells(SortedSet<Integer> cells) {
        if (cells.isEmpty()) {
            return;
        }
        Long[] keys = cells.stream().map(cell -> FUSION_LOCK_SPACE | cell).toArray(Long[]::new);
        work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT k FROM unnest(?::bigint[]) k ORDER BY k) s""")) {
                statement.setArray(1, connection.createArrayOf("int8", keys));
                statement.executeQuery().close();
            }
            return null;
        });
    }

    /** Of these keys, the ones already stored, with the alert each was applied to. */
    public Map<SensorReport.Key, UUID> stored(Collection<SensorReport.Key> keys) {
        return column(keys, "alert_id", rows -> rows.getObject(3, UUID.class));
    }

    /**
     * Every report of every active alert with a report inside any of {@code areas} (the union of what each area
     * alone would find), grouped by alert, each alert's reports in arrival order.
     */
    public Map<UUID, List<SensorReport.Key>> candidates(Collection<FusionArea> areas) {
        List<String> status = new ArrayList<>();
        List<Integer> cells = new ArrayList<>();
        List<String> from = new ArrayList<>();
        List<String> to = new ArrayList<>();
        List<Double> minLat = new ArrayList<>();
        List<Double> maxLat = new ArrayList<>();
        List<Double> minLon = new ArrayList<>();
        List<Double> maxLon = new ArrayList<>();
        for (FusionArea area : Set.copyOf(areas)) {
            for (int cell : area.cells()) {
                status.add(area.status().name());
                cells.add(cell);
                from.add(area.from().toString());
                to.add(area.to().toString());
                minLat.add(area.minLat());
                maxLat.add(area.maxLat());
                minLon.add(area.minLon());
                maxLon.add(area.maxLon());
            }
        }
        if (cells.isEmpty()) {
            return Map.of();
        }
        return work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    WITH area AS (
                        SELECT s AS status, c AS cell, CAST(f AS timestamptz) AS t_from, CAST(t AS timestamptz) AS t_to,
                               la0, la1, lo0, lo1
                        FROM unnest(?::text[], ?::int[], ?::text[], ?::text[], ?::float8[], ?::float8[], ?::float8[],
                                    ?::float8[]) u(s, c, f, t, la0, la1, lo0, lo1)),
                    hit AS (
                        SELECT DISTINCT r.alert_id FROM area
                        JOIN sensor_report r ON r.traffic_status = area.status AND r.launch_cell = area.cell
                          AND r.detected_at BETWEEN area.t_from AND area.t_to
                          AND r.launch_lat BETWEEN area.la0 AND area.la1
                          AND (r.launch_lon BETWEEN area.lo0 AND area.lo1
                               OR r.launch_lon + 360 BETWEEN area.lo0 AND area.lo1
                               OR r.launch_lon - 360 BETWEEN area.lo0 AND area.lo1)
                        JOIN alert a ON a.id = r.alert_id AND a.lifecycle = 'ACTIVE')
                    SELECT r.alert_id, r.sensor_id, r.report_id FROM sensor_report r JOIN hit ON hit.alert_id = r.alert_id
                    ORDER BY r.alert_id, r.seq""")) {
                statement.setArray(1, text(connection, status));
                statement.setArray(2, connection.createArrayOf("int4", cells.toArray()));
                statement.setArray(3, text(connection, from));
                statement.setArray(4, text(connection, to));
                statement.setArray(5, connection.createArrayOf("float8", minLat.toArray()));
                statement.setArray(6, connection.createArrayOf("float8", maxLat.toArray()));
                statement.setArray(7, connection.createArrayOf("float8", minLon.toArray()));
                statement.setArray(8, connection.createArrayOf("float8", maxLon.toArray()));
                Map<UUID, List<SensorReport.Key>> byAlert = new LinkedHashMap<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        byAlert.computeIfAbsent(rows.getObject(1, UUID.class), id -> new ArrayList<>())
                                .add(new SensorReport.Key(rows.getString(2), rows.getString(3)));
                    }
                }
                return byAlert;
            }
        });
    }

    /** The stored bytes of these reports. */
    public Map<SensorReport.Key, String> payloads(Collection<SensorReport.Key> keys) {
        return column(keys, "payload", rows -> rows.getString(3));
    }

    /** Reads one column of the stored reports with these keys, in one statement. */
    private <V> Map<SensorReport.Key, V> column(Collection<SensorReport.Key> keys, String column,
                                                ColumnReader<V> reader) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT r.sensor_id, r.report_id, r." + column + " FROM sensor_report r"
                            + " JOIN unnest(?::text[], ?::text[]) k(sensor_id, report_id)"
                            + " ON r.sensor_id = k.sensor_id AND r.report_id = k.report_id")) {
                statement.setArray(1, text(connection, keys.stream().map(SensorReport.Key::sensorId).toList()));
                statement.setArray(2, text(connection, keys.stream().map(SensorReport.Key::reportId).toList()));
                Map<SensorReport.Key, V> values = new HashMap<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        values.put(new SensorReport.Key(rows.getString(1), rows.getString(2)), reader.read(rows));
                    }
                }
                return values;
            }
        });
    }

    @FunctionalInterface
    private interface ColumnReader<V> {
        V read(ResultSet rows) throws java.sql.SQLException;
    }

    /** Stores reports in one statement; their arrival order ({@code seq}) is the list's. */
    public void insertAll(List<NewReport> reports) {
        if (reports.isEmpty()) {
            return;
        }
        work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO sensor_report (sensor_id, report_id, alert_id, reporting_country, traffic_status,
                                               detected_at, launch_lat, launch_lon, launch_cell, payload)
                    SELECT s, r, CAST(a AS uuid), c, t, CAST(d AS timestamptz), la, lo, cell, p
                    FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::float8[],
                                ?::float8[], ?::int[], ?::text[]) WITH ORDINALITY u(s, r, a, c, t, d, la, lo, cell, p, n)
                    ORDER BY n""")) {
                statement.setArray(1, text(connection, reports.stream().map(r -> r.key().sensorId()).toList()));
                statement.setArray(2, text(connection, reports.stream().map(r -> r.key().reportId()).toList()));
                statement.setArray(3, text(connection, reports.stream().map(r -> r.alertId().toString()).toList()));
                statement.setArray(4, text(connection, reports.stream().map(r -> r.reportingCountry().name()).toList()));
                statement.setArray(5, text(connection, reports.stream().map(r -> r.status().name()).toList()));
                statement.setArray(6, text(connection, reports.stream().map(r -> r.detectedAt().toString()).toList()));
                statement.setArray(7, connection.createArrayOf("float8",
                        reports.stream().map(NewReport::launchLat).toArray()));
                statement.setArray(8, connection.createArrayOf("float8",
                        reports.stream().map(NewReport::launchLon).toArray()));
                statement.setArray(9, connection.createArrayOf("int4",
                        reports.stream().map(r -> SensorReport.cellOf(r.launchLat(), r.launchLon())).toArray()));
                statement.setArray(10, text(connection, reports.stream().map(NewReport::payload).toList()));
                statement.executeUpdate();
            }
            return null;
        });
    }

    /** The reports fused into an alert, in arrival order. */
    public List<SensorReport> ofAlert(UUID alertId) {
        return list("alertId = ?1 order by seq", alertId);
    }

    public Set<Country> reportingCountries(UUID alertId) {
        return ofAlert(alertId).stream().map(r -> r.reportingCountry).collect(Collectors.toSet());
    }

    static Array text(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /** Plain JDBC on the transaction's connection (Hibernate has nothing pending on the fusion path). */
    <T> T work(Work<T> work) {
        return em.unwrap(Session.class).doReturningWork(work::on);
    }
}

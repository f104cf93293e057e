package org.tcc.ingestion.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.tcc.contracts.Json;
import org.tcc.ingestion.domain.AlertVersions;

/**
 * The alerts' version history: one row per version, written with the version's event. Any number of versions is
 * one statement (arrays bound as parameters and unnested), so the sensor batch path pays one statement per batch.
 */
@ApplicationScoped
public class AlertVersionRepository {

    @Inject
    EntityManager em;

    /**
     * A version to store: its alert and its summary, its moment rounded to the database's precision (microseconds,
     * as the driver rounds the alert's {@code updatedAt}), so the history says the same moment as the stored alert.
     */
    public record NewVersion(UUID alertId, AlertVersions.Summary summary) {

        public NewVersion {
            summary = summary.changedAt(summary.changedAt().plusNanos(500).truncatedTo(ChronoUnit.MICROS));
        }
    }

    /** Stores these versions in one statement. Hibernate's pending changes must be flushed first. */
    public void insertAll(List<NewVersion> versions) {
        if (versions.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO alert_version (alert_id, version, changed_at, entry)
                    SELECT CAST(a AS uuid), v, CAST(c AS timestamptz), CAST(e AS jsonb)
                    FROM unnest(?::text[], ?::bigint[], ?::text[], ?::text[]) u(a, v, c, e)""")) {
                statement.setArray(1, SensorReportRepository.text(connection,
                        versions.stream().map(v -> v.alertId().toString()).toList()));
                statement.setArray(2, connection.createArrayOf("int8",
                        versions.stream().map(v -> v.summary().version()).toArray()));
                statement.setArray(3, SensorReportRepository.text(connection,
                        versions.stream().map(v -> v.summary().changedAt().toString()).toList()));
                statement.setArray(4, SensorReportRepository.text(connection, versions.stream()
                        .map(v -> new String(Json.toBytes(v.summary()), StandardCharsets.UTF_8)).toList()));
                statement.executeUpdate();
            }
        });
    }

    /** Up to {@code limit} versions of the alert, newest first, older than {@code before} when it is given. */
    public List<AlertVersions.Summary> page(UUID alertId, Long before, int limit) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT entry::text FROM alert_version WHERE alert_id = ? AND version < ?
                    ORDER BY version DESC LIMIT ?""")) {
                statement.setObject(1, alertId);
                statement.setLong(2, before == null ? Long.MAX_VALUE : before);
                statement.setInt(3, limit);
                List<AlertVersions.Summary> page = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        page.add(Json.read(rows.getString(1).getBytes(StandardCharsets.UTF_8),
                                AlertVersions.Summary.class));
                    }
                }
                return page;
            }
        });
    }
}

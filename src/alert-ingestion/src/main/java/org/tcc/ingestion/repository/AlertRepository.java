package org.tcc.ingestion.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;
import org.tcc.contracts.Country;
import org.tcc.contracts.Json;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.AlertLifecycle;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Region;

/** Alerts, always read through the releasability of the reader's country. */
@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<Alert, UUID> {

    /** Filters of the alert list; null means "any". {@code status} is the traffic status. */
    public record Filter(AlertLifecycle lifecycle, TrafficStatus status, AlertType type, Region region,
                         Instant since) {
    }

    /** Position after the last alert of a page: newest first, by (raisedAt, id). */
    public record Cursor(Instant raisedAt, UUID id) {
    }

    /** The alert if it is releasable to {@code country}; otherwise empty, exactly as if it did not exist. */
    public Optional<Alert> findVisible(UUID id, Country country) {
        return find("id = :id and :country member of releasableTo",
                Parameters.with("id", id).and("country", country)).firstResultOptional();
    }

    public List<Alert> listVisible(Country country, Filter filter, Cursor after, int limit) {
        StringBuilder query = new StringBuilder(":country member of releasableTo");
        Parameters params = Parameters.with("country", country);
        if (filter.lifecycle() != null) {
            query.append(" and lifecycle = :lifecycle");
            params.and("lifecycle", filter.lifecycle());
        }
        if (filter.status() != null) {
            query.append(" and trafficStatus = :status");
            params.and("status", filter.status());
        }
        if (filter.type() != null) {
            query.append(" and type = :type");
            params.and("type", filter.type());
        }
        if (filter.region() != null) {
            query.append(" and region = :region");
            params.and("region", filter.region());
        }
        if (filter.since() != null) {
            query.append(" and raisedAt >= :since");
            params.and("since", filter.since());
        }
        if (after != null) {
            query.append(" and (raisedAt < :afterRaisedAt or (raisedAt = :afterRaisedAt and id < :afterId))");
            params.and("afterRaisedAt", after.raisedAt()).and("afterId", after.id());
        }
        query.append(" order by raisedAt desc, id desc");
        return find(query.toString(), params).page(0, limit).list();
    }

    /** A sensor alert the batch raised: its final state and the sensor whose report raised it. */
    public record Raised(AlertState state, String raisedBy) {
    }

    /** A stored alert the batch refined: the state it was read in and its final state. */
    public record Refined(AlertState before, AlertState after) {
    }

    /** The alerts with these ids, locked for the batch (in id order), then read in one statement with their collections. */
    public Map<UUID, Alert> loadAll(Collection<UUID> ids) {
        Map<UUID, Alert> loaded = new HashMap<>();
        if (!ids.isEmpty()) {
            // row locks first, in id order: a liaison's acknowledgement of one of these alerts waits for the batch
            // (and is then judged again on the refined version) instead of failing the whole batch of reports
            getEntityManager().createNativeQuery("SELECT id FROM alert WHERE id IN (?1) ORDER BY id FOR UPDATE")
                    .setParameter(1, Set.copyOf(ids)).getResultList();
            getEntityManager().createQuery("""
                            SELECT DISTINCT a FROM Alert a LEFT JOIN FETCH a.releasableTo LEFT JOIN FETCH a.affectedCountries
                            LEFT JOIN FETCH a.acknowledgements WHERE a.id IN :ids""", Alert.class)
                    .setParameter("ids", Set.copyOf(ids)).getResultList().forEach(a -> loaded.put(a.id, a));
        }
        return loaded;
    }

    /** Inserts the sensor alerts a batch raised, at their final version: three statements for any number. */
    public void insertAll(List<Raised> raised) {
        if (raised.isEmpty()) {
            return;
        }
        List<AlertState> states = raised.stream().map(Raised::state).toList();
        work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO alert (id, version, origin, origin_country, raised_by, type, region, traffic_status,
                                       lifecycle, headline, description, severity, urgency, certainty, area_desc,
                                       launch, threats, raised_at, updated_at)
                    SELECT CAST(id AS uuid), v, o, oc, rb, ty, re, st, lc, h, d, se, ur, ce, ad, la, th,
                           CAST(ra AS timestamptz), CAST(ua AS timestamptz)
                    FROM unnest(?::text[], ?::int8[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                ?::text[], ?::text[], ?::text[])
                         u(id, v, o, oc, rb, ty, re, st, lc, h, d, se, ur, ce, ad, la, th, ra, ua)""")) {
                int i = 1;
                statement.setArray(i++, text(connection, states, AlertState::alertId));
                statement.setArray(i++, connection.createArrayOf("int8",
                        states.stream().map(AlertState::version).toArray()));
                statement.setArray(i++, text(connection, states, a -> name(a.origin())));
                statement.setArray(i++, text(connection, states, a -> name(a.originCountry())));
                statement.setArray(i++, text(connection, raised.stream().map(Raised::raisedBy).toList(), r -> r));
                statement.setArray(i++, text(connection, states, a -> name(a.type())));
                i = setMutable(connection, statement, i, states);
                statement.setArray(i++, text(connection, states, a -> a.raisedAt().toString()));
                statement.setArray(i, text(connection, states, a -> a.updatedAt().toString()));
                statement.executeUpdate();
            }
            return null;
        });
        List<String[]> releasable = new ArrayList<>();
        List<String[]> affected = new ArrayList<>();
        for (AlertState state : states) {
            state.releasableTo().forEach(c -> releasable.add(new String[] {state.alertId(), c.name()}));
            if (state.affectedCountries() != null) {
                state.affectedCountries().forEach(c -> affected.add(new String[] {state.alertId(), c.name()}));
            }
        }
        countries("alert_releasable_to", releasable, true);
        countries("alert_affected_country", affected, true);
    }

    /**
     * Writes the final state of each refined alert in one statement, however many versions the batch made of it,
     * only if nobody changed it since it was read (else {@link OptimisticLockException}: the batch is retried).
     */
    public void updateAll(List<Refined> refined) {
        if (refined.isEmpty()) {
            return;
        }
        List<AlertState> states = refined.stream().map(Refined::after).toList();
        int updated = work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    UPDATE alert t SET version = u.v, origin_country = u.oc, region = u.re, traffic_status = u.st,
                        lifecycle = u.lc, headline = u.h, description = u.d, severity = u.se, urgency = u.ur,
                        certainty = u.ce, area_desc = u.ad, launch = u.la, threats = u.th,
                        updated_at = CAST(u.ua AS timestamptz)
                    FROM unnest(?::text[], ?::int8[], ?::int8[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                         u(id, expected, v, oc, re, st, lc, h, d, se, ur, ce, ad, la, th, ua)
                    WHERE t.id = CAST(u.id AS uuid) AND t.version = u.expected""")) {
                int i = 1;
                statement.setArray(i++, text(connection, states, AlertState::alertId));
                statement.setArray(i++, connection.createArrayOf("int8",
                        refined.stream().map(r -> r.before().version()).toArray()));
                statement.setArray(i++, connection.createArrayOf("int8",
                        states.stream().map(AlertState::version).toArray()));
                statement.setArray(i++, text(connection, states, a -> name(a.originCountry())));
                i = setMutable(connection, statement, i, states);
                statement.setArray(i, text(connection, states, a -> a.updatedAt().toString()));
                return statement.executeUpdate();
            }
        });
        if (updated != refined.size()) {
            throw new OptimisticLockException("an alert changed while a batch of sensor reports refined it");
        }
        List<String[]> releasableGone = new ArrayList<>();
        List<String[]> releasableNew = new ArrayList<>();
        List<String[]> affectedGone = new ArrayList<>();
        List<String[]> affectedNew = new ArrayList<>();
        for (Refined r : refined) {
            diff(r.after().alertId(), r.before().releasableTo(), r.after().releasableTo(), releasableGone,
                    releasableNew);
            diff(r.after().alertId(), r.before().affectedCountries(), r.after().affectedCountries(), affectedGone,
                    affectedNew);
        }
        countries("alert_releasable_to", releasableGone, false);
        countries("alert_releasable_to", releasableNew, true);
        countries("alert_affected_country", affectedGone, false);
        countries("alert_affected_country", affectedNew, true);
    }

    /** region, status, lifecycle, headline, description, severity, urgency, certainty, areaDesc, launch, threats. */
    private static int setMutable(Connection connection, PreparedStatement statement, int i, List<AlertState> states)
            throws SQLException {
        statement.setArray(i++, text(connection, states, a -> name(a.region())));
        statement.setArray(i++, text(connection, states, a -> name(a.status())));
        statement.setArray(i++, text(connection, states, a -> name(a.lifecycle())));
        statement.setArray(i++, text(connection, states, AlertState::headline));
        statement.setArray(i++, text(connection, states, AlertState::description));
        statement.setArray(i++, text(connection, states, a -> name(a.severity())));
        statement.setArray(i++, text(connection, states, a -> name(a.urgency())));
        statement.setArray(i++, text(connection, states, a -> name(a.certainty())));
        statement.setArray(i++, text(connection, states, AlertState::areaDesc));
        statement.setArray(i++, text(connection, states, a -> a.launch() == null ? null
                : new String(Json.toBytes(a.launch()), StandardCharsets.UTF_8)));
        statement.setArray(i++, text(connection, states, a -> a.threats() == null ? null
                : new String(Json.toBytes(a.threats()), StandardCharsets.UTF_8)));
        return i;
    }

    private static void diff(String alertId, List<Country> before, List<Country> after, List<String[]> gone,
                             List<String[]> added) {
        Set<Country> old = before == null ? Set.of() : new HashSet<>(before);
        Set<Country> now = after == null ? Set.of() : new HashSet<>(after);
        old.stream().filter(c -> !now.contains(c)).forEach(c -> gone.add(new String[] {alertId, c.name()}));
        now.stream().filter(c -> !old.contains(c)).forEach(c -> added.add(new String[] {alertId, c.name()}));
    }

    /** Inserts or deletes (alert, country) rows of a country collection table, in one statement. */
    private void countries(String table, List<String[]> rows, boolean insert) {
        if (rows.isEmpty()) {
            return;
        }
        String sql = insert
                ? "INSERT INTO " + table + " (alert_id, country) SELECT CAST(a AS uuid), c FROM unnest(?::text[], "
                        + "?::text[]) u(a, c)"
                : "DELETE FROM " + table + " t USING unnest(?::text[], ?::text[]) u(a, c) WHERE t.alert_id = "
                        + "CAST(u.a AS uuid) AND t.country = u.c";
        work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, text(connection, rows, r -> r[0]));
                statement.setArray(2, text(connection, rows, r -> r[1]));
                statement.executeUpdate();
            }
            return null;
        });
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <T> java.sql.Array text(Connection connection, List<T> values, Function<T, String> field)
            throws SQLException {
        return connection.createArrayOf("text", values.stream().map(field).toArray());
    }

    private <T> T work(SensorReportRepository.Work<T> work) {
        return getEntityManager().unwrap(Session.class).doReturningWork(work::on);
    }
}

package org.tcc.ingestion.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.alert.AlertLifecycle;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Region;

/** Alerts, always read through the releasability of the reader's country. */
@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<Alert, UUID> {

    /** Filters of the alert list; null means "any". */
    public record Filter(AlertLifecycle lifecycle, AlertType type, Region region, Instant since) {
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
}

package org.tcc.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tcc.contracts.Country;

/** Appends to and reads the directory audit; it never updates or deletes (the database would refuse). */
@ApplicationScoped
public class DirectoryAuditRepository implements PanacheRepositoryBase<DirectoryAuditEntry, Long> {

    /** Entries with {@code id > after}, oldest first; empty {@code country} means every country's. */
    public List<DirectoryAuditEntry> page(Optional<Country> country, UUID recipientId, long after, int limit) {
        StringBuilder query = new StringBuilder("id > :after");
        Parameters params = Parameters.with("after", after);
        if (country.isPresent()) {
            query.append(" and recipientCountry = :country");
            params.and("country", country.get());
        }
        if (recipientId != null) {
            query.append(" and recipientId = :recipient");
            params.and("recipient", recipientId);
        }
        query.append(" order by id");
        return find(query.toString(), params).page(0, limit).list();
    }
}

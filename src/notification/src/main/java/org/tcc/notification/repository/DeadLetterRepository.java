package org.tcc.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.tcc.contracts.Country;

@ApplicationScoped
public class DeadLetterRepository implements PanacheRepositoryBase<DeadLetter, Long> {

    /** Up to {@code limit} dead letters, newest first, with {@code id < before} (null: from the newest). */
    public List<DeadLetter> newest(Optional<Country> country, Long before, int limit) {
        long bound = before == null ? Long.MAX_VALUE : before;
        return country.map(c -> find("country = ?1 and id < ?2 order by id desc", c, bound))
                .orElseGet(() -> find("id < ?1 order by id desc", bound)).page(0, limit).list();
    }
}

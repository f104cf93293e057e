package org.tcc.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.tcc.contracts.Country;

@ApplicationScoped
public class DeadLetterRepository implements PanacheRepositoryBase<DeadLetter, Long> {

    public List<DeadLetter> newest(Optional<Country> country, int limit) {
        return country.map(c -> find("country = ?1 order by id desc", c))
                .orElseGet(() -> find("order by id desc")).page(0, limit).list();
    }
}

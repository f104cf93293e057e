package org.tcc.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.tcc.contracts.Country;
import org.tcc.notification.domain.ChainStep;

@ApplicationScoped
public class RecipientRepository implements PanacheRepositoryBase<Recipient, UUID> {

    /** Active recipients of {@code country} at {@code step}, in a stable order. */
    public List<Recipient> active(Country country, ChainStep step) {
        return list("country = ?1 and chainStep = ?2 and active = true order by name", country, step);
    }

    /** The active recipients of {@code countries}, by country and chain step, each list in a stable order. */
    public Map<Country, Map<ChainStep, List<Recipient>>> activeByCountryAndStep(Collection<Country> countries) {
        Map<Country, Map<ChainStep, List<Recipient>>> directory = new EnumMap<>(Country.class);
        for (Recipient r : list("country in ?1 and active = true order by name", countries)) {
            directory.computeIfAbsent(r.country, c -> new EnumMap<>(ChainStep.class))
                    .computeIfAbsent(r.chainStep, s -> new ArrayList<>()).add(r);
        }
        return directory;
    }

    /** The chain steps {@code country} has active recipients for. */
    public SortedSet<ChainStep> staffedSteps(Country country) {
        SortedSet<ChainStep> steps = new TreeSet<>();
        getEntityManager().createQuery(
                        "select distinct r.chainStep from Recipient r where r.country = ?1 and r.active = true",
                        ChainStep.class)
                .setParameter(1, country).getResultList().forEach(steps::add);
        return steps.isEmpty() ? new TreeSet<>(EnumSet.noneOf(ChainStep.class)) : steps;
    }

    /** The position of a recipient in the directory's order (country, chain step, name; unique per country). */
    public record Position(Country country, ChainStep chainStep, String name) {
    }

    /**
     * Up to {@code limit} recipients of {@code country} (empty: every country's) in the directory's order, after
     * {@code after} (null: from the first), by keyset on (country, chainStep, name).
     */
    public List<Recipient> listBy(Optional<Country> country, Position after, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        io.quarkus.panache.common.Parameters params = new io.quarkus.panache.common.Parameters();
        if (country.isPresent()) {
            query.append(" and country = :country");
            params.and("country", country.get());
        }
        if (after != null) {
            query.append(" and (country > :afterCountry or (country = :afterCountry and (chainStep > :afterStep"
                    + " or (chainStep = :afterStep and name > :afterName))))");
            params.and("afterCountry", after.country()).and("afterStep", after.chainStep())
                    .and("afterName", after.name());
        }
        query.append(" order by country, chainStep, name");
        return find(query.toString(), params).page(0, limit).list();
    }

    public Optional<Recipient> byName(Country country, String name) {
        return find("country = ?1 and name = ?2", country, name).firstResultOptional();
    }
}

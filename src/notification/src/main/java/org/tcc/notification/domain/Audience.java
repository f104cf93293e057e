package org.tcc.notification.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tcc.contracts.Country;

/**
 * Who may be told about something, and in which order: only the entitled countries (an alert's {@code releasableTo},
 * a consultation's participants), the affected ones first. A country that is affected but not entitled is never
 * told: releasability wins.
 */
public final class Audience {

    private Audience() {
    }

    /** The entitled countries, affected ones first, each group in the order given; no duplicates. */
    public static List<Country> ordered(Collection<Country> entitled, Collection<Country> affected) {
        Set<Country> allowed = entitled == null ? Set.of() : new LinkedHashSet<>(entitled);
        List<Country> result = new ArrayList<>();
        if (affected != null) {
            for (Country c : affected) {
                if (c != null && allowed.contains(c) && !result.contains(c)) {
                    result.add(c);
                }
            }
        }
        for (Country c : allowed) {
            if (c != null && !result.contains(c)) {
                result.add(c);
            }
        }
        return List.copyOf(result);
    }

    /** Delivery priority of a country: 0 for affected countries (served first), 1 otherwise. */
    public static int priority(Country country, Collection<Country> affected) {
        return affected != null && affected.contains(country) ? 0 : 1;
    }
}

package org.tcc.ingestion.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.alert.Threat;

/**
 * One area an alert's threats concern, with every country it concerns: what an alert's text names once per area,
 * in any language. A disputed area lists its claimants alphabetically, taking no side.
 */
public record ThreatArea(String area, boolean disputed, List<String> claimants, List<Country> countries) {

    /** The areas of {@code threats}, by name. */
    public static List<ThreatArea> of(List<Threat> threats) {
        Map<String, TreeSet<Country>> byArea = new TreeMap<>();
        Map<String, Threat> first = new TreeMap<>();
        for (Threat t : threats) {
            byArea.computeIfAbsent(t.area(), k -> new TreeSet<>()).add(t.country());
            first.putIfAbsent(t.area(), t);
        }
        List<ThreatArea> areas = new ArrayList<>();
        byArea.forEach((area, countries) -> {
            Threat t = first.get(area);
            areas.add(new ThreatArea(area, t.disputed(),
                    t.claimants() == null ? List.of() : t.claimants().stream().sorted().toList(),
                    List.copyOf(countries)));
        });
        return areas;
    }
}

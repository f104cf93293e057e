package org.tcc.contracts.events.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.Values;

/**
 * One thing that threatens one country in a missile launch: the predicted impact on its territory or in its EEZ,
 * or an overflight of its territory.
 *
 * @param area the zone concerned, by name (disputed areas carry every claimant's name, e.g. "Dokdo / Takeshima")
 * @param disputed the area is disputed or its boundary is not agreed: it concerns every participating claimant
 * @param claimants optional, set when disputed: every claimant, ISO 3166-1 alpha-3 (may include non-participants)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Threat(Country country, ThreatKind kind, String area, boolean disputed, List<String> claimants) {

    public Threat {
        claimants = Values.copy(claimants);
    }
}

package org.tcc.ingestion.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.alert.AlertLifecycle;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.ingestion.domain.AlertVersions;

/** One version of an alert as its history shows it: what changed, when, who changed it, and the alert after. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "AlertVersion", description = "One version of an alert, from the event that made it")
public record AlertVersionView(
        @Schema(description = "The version's id: the alert's id, a dot and the version", required = true,
                example = "6f1c2a8e-0b1d-4c5e-9f00-1a2b3c4d5e6f.3") String id,
        @Schema(description = "The alert's id (UUID)", required = true) String alertId,
        @Schema(required = true) long version,
        @Schema(required = true, enumeration = {"RAISED", "UPDATED", "ACKNOWLEDGED", "CANCELLED", "RESOLVED"})
        AlertVersions.Change change,
        @Schema(description = "The alert's updatedAt in this version", required = true) Instant changedAt,
        @Schema(required = true) Who who,
        @Schema(description = "UPDATED: the names of the alert fields the version changed") List<String> changedFields,
        @Schema(description = "The reason given for an update, a cancellation or a resolution, if any") String reason,
        Severity severity,
        AlertLifecycle lifecycle,
        String headline,
        List<Country> affectedCountries) {

    /** Who made the change, as far as the event that made it says; each part absent when unknown. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AlertVersionWho")
    public record Who(
            @Schema(description = "The country that acted: the acknowledging, cancelling or resolving country, the "
                    + "raising country, the liaison's country of an update") Country country,
            @Schema(description = "The actor's token subject (acknowledgement, cancellation, resolution)")
            String subject,
            @Schema(description = "The sensors whose reports the version applied (sensor alerts)")
            List<String> sensors) {
    }

    public static AlertVersionView of(UUID alertId, AlertVersions.Summary summary) {
        AlertVersions.Who who = summary.who() == null ? new AlertVersions.Who(null, null, null) : summary.who();
        return new AlertVersionView(alertId + "." + summary.version(), alertId.toString(), summary.version(),
                summary.change(), summary.changedAt(), new Who(who.country(), who.subject(), who.sensors()),
                summary.changedFields(), summary.reason(), summary.severity(), summary.lifecycle(),
                summary.headline(), summary.affectedCountries());
    }
}

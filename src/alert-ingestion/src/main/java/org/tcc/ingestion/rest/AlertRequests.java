package org.tcc.ingestion.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Certainty;
import org.tcc.contracts.events.alert.Region;
import org.tcc.contracts.events.alert.Severity;
import org.tcc.contracts.events.alert.Urgency;
import org.tcc.ingestion.domain.AlertRules;

/** Request bodies of the liaison API. */
public final class AlertRequests {

    private AlertRequests() {
    }

    /** {@code POST /api/v1/alerts} as JSON. {@code status} defaults to ACTUAL. */
    public record RaiseAlert(@NotNull AlertType type, @NotNull Region region, TrafficStatus status,
                             @NotBlank @Size(max = 160) String headline, @Size(max = 4000) String description,
                             @NotNull Severity severity, @NotNull Urgency urgency, @NotNull Certainty certainty,
                             @Size(max = 1000) String area, @NotEmpty Set<@NotNull Country> releasableTo) {

        AlertRules.Raise toRule() {
            return new AlertRules.Raise(type, region, status == null ? TrafficStatus.ACTUAL : status, headline,
                    description, severity, urgency, certainty, area, releasableTo);
        }
    }

    /** {@code PATCH /api/v1/alerts/{id}}: only the fields given change (CAP Update). */
    public record UpdateAlert(@Size(min = 1, max = 160) String headline, @Size(max = 4000) String description,
                              Severity severity, Urgency urgency, Certainty certainty,
                              @Size(max = 1000) String area, Set<@NotNull Country> releasableTo,
                              @Size(max = 1000) String reason) {

        AlertRules.Change toRule() {
            return new AlertRules.Change(headline, description, severity, urgency, certainty, area, releasableTo,
                    reason);
        }
    }

    /** {@code POST .../cancellation} and {@code .../resolution}. */
    public record Reason(@NotBlank @Size(max = 1000) String reason) {
    }
}

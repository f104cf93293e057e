package org.tcc.consultation.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Region;
import org.tcc.contracts.events.consultation.Level;

/**
 * Request bodies. The acting country always comes from the token; {@code country}, when a body names one, must be
 * the caller's own (else 403): a liaison never acts for another country.
 */
public final class Requests {

    private Requests() {
    }

    public record Convene(@NotBlank @Size(max = 256) String subject, @NotNull AlertType type, @NotNull Region region,
                          TrafficStatus status, Level level,
                          @NotEmpty @Size(max = 3) List<@NotNull Country> participants) {
    }

    public record Act(Country country) {
    }

    public record SubmitPosition(Country country, @NotBlank @Size(max = 4000) String assessment,
                                 @NotBlank @Size(max = 4000) String position) {
    }

    public record Propose(Country country, @NotBlank @Size(max = 4000) String statement,
                          @NotNull @Size(max = 50) List<@NotBlank @Size(max = 4000) String> actions) {
    }

    public record Respond(Country country, @Size(max = 4000) String reason) {
    }

    public record Close(Country country, @NotBlank @Size(max = 4000) String reason) {
    }
}

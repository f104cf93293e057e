package org.tcc.ingestion.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcc.contracts.events.alert.AlertState;

/**
 * An alert as the REST API shows it: the contract's {@link AlertState} (exactly as every {@code tcc.alerts.v1} event
 * carries it) with the resource's own identifier {@code id} first, as every resource of the API has it. The
 * snapshot's {@code alertId} stays beside it for this API version (deprecated; dropped in v2); the Kafka events keep
 * {@code alertId}.
 */
@JsonPropertyOrder({"id"})
@Schema(name = "Alert", description = "An alert: `id`, then the fields of the contract's AlertState "
        + "(`alertId` repeats `id` and is deprecated)")
public record AlertView(
        @JsonProperty("id") @Schema(description = "The alert's id (UUID)", required = true) String id,
        @JsonUnwrapped AlertState alert) {

    public static AlertView of(AlertState alert) {
        return new AlertView(alert.alertId(), alert);
    }
}

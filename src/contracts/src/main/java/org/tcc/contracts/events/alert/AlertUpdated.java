package org.tcc.contracts.events.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.tcc.contracts.events.Values;

/**
 * An active alert changed (e.g. a new sensor report refined the launch estimate).
 *
 * @param changedFields names of the {@link AlertState} fields that changed (at least one)
 * @param reason optional
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertUpdated(AlertState alert, List<String> changedFields, String reason) implements AlertEvent {

    public AlertUpdated {
        changedFields = Values.copy(changedFields);
    }
}

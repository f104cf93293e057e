package org.tcc.contracts.events.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.tcc.contracts.events.Values;

/**
 * An active alert changed (e.g. new sensor reports refined the launch estimate).
 *
 * @param changedFields names of the {@link AlertState} fields that changed (at least one)
 * @param reason optional
 * @param appliedReports the sensor reports this version applied, in arrival order: one, or several when they
 *                       arrived together (a polled batch makes one version per alert); absent for a liaison's
 *                       change (optional, since the first minor revision of v1)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertUpdated(AlertState alert, List<String> changedFields, String reason,
                           List<AppliedReport> appliedReports) implements AlertEvent {

    public AlertUpdated {
        changedFields = Values.copy(changedFields);
        appliedReports = Values.copy(appliedReports);
    }

    public AlertUpdated(AlertState alert, List<String> changedFields, String reason) {
        this(alert, changedFields, reason, null);
    }
}

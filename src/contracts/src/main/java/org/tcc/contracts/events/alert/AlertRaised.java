package org.tcc.contracts.events.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.tcc.contracts.events.Values;

/**
 * A new alert; the first event of its alert.
 *
 * @param appliedReports the sensor reports this version applied, in arrival order; absent for an alert a liaison
 *                       raised (optional, since the first minor revision of v1)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertRaised(AlertState alert, List<AppliedReport> appliedReports) implements AlertEvent {

    public AlertRaised {
        appliedReports = Values.copy(appliedReports);
    }

    public AlertRaised(AlertState alert) {
        this(alert, null);
    }
}

package org.tcc.contracts.events.consultation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.tcc.contracts.events.alert.Severity;

/**
 * An alert of the same unfolding crisis (same type, region and traffic status, within the crisis window, releasable
 * to exactly the consultation's participants) joined an open consultation instead of convening a new one.
 * {@code consultation.alertId} stays the founding alert.
 *
 * @param alertId the alert added
 * @param headline optional: the added alert's headline
 * @param severity optional: the added alert's severity
 * @param raisedAt optional: when the added alert was raised
 * @param alertCount how many alerts the consultation lists now, this one included
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsultationAlertAdded(
        ConsultationState consultation,
        String alertId,
        String headline,
        Severity severity,
        Instant raisedAt,
        int alertCount) implements ConsultationEvent {
}

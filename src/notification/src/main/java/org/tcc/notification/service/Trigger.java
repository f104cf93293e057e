package org.tcc.notification.service;

import java.util.List;
import org.tcc.contracts.Country;
import org.tcc.notification.domain.ChainStep;
import org.tcc.notification.domain.Notice;

/**
 * Something to tell: {@code countries} in priority order (affected first), the chain {@code step} to reach in each,
 * and the source it is about. {@code sourceKey} identifies the notification per country: the source event id, or a
 * key derived from it when one event reaches several steps. {@code subject} is the JSON document the notice is about
 * (the event as received, or the alert), embedded verbatim. {@code digest} is what a person acts on in an alert's
 * version (e-mail and webhook deliveries of one alert are coalesced by it); null when nothing is coalesced.
 * {@code traceParent} is the trace context the notice continues when no consumed event of the batch being applied
 * caused it (an escalation step: its own span); null to take the source event's.
 */
public record Trigger(
        String sourceKey,
        String sourceEventId,
        String sourceEventType,
        String alertId,
        String consultationId,
        List<Country> countries,
        List<Country> affected,
        ChainStep step,
        Notice notice,
        String subjectField,
        String subject,
        String digest,
        String traceParent) {

    /** A trigger caused by a consumed event: its notice continues that event's trace. */
    public Trigger(String sourceKey, String sourceEventId, String sourceEventType, String alertId,
                   String consultationId, List<Country> countries, List<Country> affected, ChainStep step,
                   Notice notice, String subjectField, String subject, String digest) {
        this(sourceKey, sourceEventId, sourceEventType, alertId, consultationId, countries, affected, step, notice,
                subjectField, subject, digest, null);
    }
}

package org.tcc.contracts.events.consultation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.Values;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Region;

/**
 * Snapshot of a consultation after the change an event announces; {@code version} grows with each event.
 *
 * @param consultationId the Kafka key
 * @param alertId optional: the alert that triggered the consultation
 * @param participants invited countries
 * @param joined the participants that have joined so far
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsultationState(
        String consultationId,
        String alertId,
        String subject,
        AlertType type,
        Region region,
        TrafficStatus status,
        Level level,
        ConsultationPhase phase,
        List<Country> participants,
        List<Country> joined,
        long version,
        Instant convenedAt,
        Instant updatedAt) {

    public ConsultationState {
        participants = Values.copy(participants);
        joined = Values.copy(joined);
    }
}

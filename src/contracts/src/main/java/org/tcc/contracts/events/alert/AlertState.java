package org.tcc.contracts.events.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.Values;

/**
 * Full snapshot of an alert after the change an event announces; every alert event carries one, so a consumer
 * never needs earlier events to know the alert. {@code version} grows with each event of the alert: a consumer
 * ignores a snapshot whose version is not newer than the one it holds.
 *
 * @param alertId UUID text; the Kafka key
 * @param description optional
 * @param areaDesc optional, CAP {@code areaDesc}
 * @param releasableTo countries allowed to see the alert (at least one)
 * @param launch optional, set for sensor-originated missile launches
 * @param threats optional, set for sensor-originated missile launches: per affected country, what threatens it
 *                (impact on territory, impact in the EEZ, overflight), sorted by country, kind and area
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertState(
        String alertId,
        long version,
        AlertOrigin origin,
        Country originCountry,
        AlertType type,
        Region region,
        TrafficStatus status,
        AlertLifecycle lifecycle,
        String headline,
        String description,
        Severity severity,
        Urgency urgency,
        Certainty certainty,
        String areaDesc,
        List<Country> releasableTo,
        List<Country> affectedCountries,
        List<Acknowledgement> acknowledgements,
        LaunchEstimate launch,
        Instant raisedAt,
        Instant updatedAt,
        List<Threat> threats) {

    public AlertState {
        releasableTo = Values.copy(releasableTo);
        affectedCountries = Values.copy(affectedCountries);
        acknowledgements = Values.copy(acknowledgements);
        threats = Values.copy(threats);
    }

    /** An alert without {@code threats} (liaison alerts; producers written before the field existed). */
    public AlertState(String alertId, long version, AlertOrigin origin, Country originCountry, AlertType type,
                      Region region, TrafficStatus status, AlertLifecycle lifecycle, String headline,
                      String description, Severity severity, Urgency urgency, Certainty certainty, String areaDesc,
                      List<Country> releasableTo, List<Country> affectedCountries,
                      List<Acknowledgement> acknowledgements, LaunchEstimate launch, Instant raisedAt,
                      Instant updatedAt) {
        this(alertId, version, origin, originCountry, type, region, status, lifecycle, headline, description,
                severity, urgency, certainty, areaDesc, releasableTo, affectedCountries, acknowledgements, launch,
                raisedAt, updatedAt, null);
    }
}

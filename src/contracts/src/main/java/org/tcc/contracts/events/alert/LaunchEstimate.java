package org.tcc.contracts.events.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.tcc.contracts.events.GeoPoint;
import org.tcc.contracts.events.Values;
import org.tcc.contracts.events.feed.MissileClass;

/**
 * The fused estimate of a missile launch, from one or more sensor reports.
 *
 * @param predictedImpactPoint optional
 * @param apogeeKm optional
 * @param rangeKm optional
 * @param flightTimeSeconds optional
 * @param confidence fused confidence in [0, 1]
 * @param sensors ids of the sensors whose reports were fused (at least one)
 * @param detectedAt earliest detection among the fused reports
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LaunchEstimate(
        GeoPoint launchPoint,
        GeoPoint predictedImpactPoint,
        Double apogeeKm,
        Double rangeKm,
        Integer flightTimeSeconds,
        MissileClass missileClass,
        double confidence,
        List<String> sensors,
        Instant detectedAt) {

    public LaunchEstimate {
        sensors = Values.copy(sensors);
    }
}

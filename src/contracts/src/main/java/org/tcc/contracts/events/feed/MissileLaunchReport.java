package org.tcc.contracts.events.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.tcc.contracts.Country;
import org.tcc.contracts.events.EventPayload;
import org.tcc.contracts.events.GeoPoint;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.Values;

/**
 * One sensor's report of a missile launch ({@code MissileLaunchReported}). Several sensors report the same launch;
 * alert ingestion fuses them into one alert. {@code reportId} is unique per sensor report (idempotency key).
 *
 * @param predictedImpactPoint optional
 * @param apogeeKm optional, km
 * @param rangeKm optional, km
 * @param flightTimeSeconds optional
 * @param confidence the sensor's confidence in [0, 1]
 * @param track optional observed positions
 * @param correctsReportId optional: the {@code reportId} of this sensor's earlier report that this one corrects
 *                         (a new impact prediction for the same missile, say); absent for a new detection
 * @param trackId optional (since the first minor revision of v1): the sensor's own track number for the object,
 *                as a radar assigns it; a later report of the same sensor on the same track refines that track
 *                without naming a report id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MissileLaunchReport(
        String reportId,
        String sensorId,
        Country reportingCountry,
        Instant detectedAt,
        GeoPoint launchPoint,
        GeoPoint predictedImpactPoint,
        Double apogeeKm,
        Double rangeKm,
        Integer flightTimeSeconds,
        MissileClass missileClass,
        double confidence,
        List<TrackPoint> track,
        TrafficStatus status,
        String correctsReportId,
        String trackId) implements EventPayload {

    public MissileLaunchReport {
        track = Values.copy(track);
    }

    /** A report of a new detection (it corrects no earlier report). */
    public MissileLaunchReport(String reportId, String sensorId, Country reportingCountry, Instant detectedAt,
                               GeoPoint launchPoint, GeoPoint predictedImpactPoint, Double apogeeKm, Double rangeKm,
                               Integer flightTimeSeconds, MissileClass missileClass, double confidence,
                               List<TrackPoint> track, TrafficStatus status) {
        this(reportId, sensorId, reportingCountry, detectedAt, launchPoint, predictedImpactPoint, apogeeKm, rangeKm,
                flightTimeSeconds, missileClass, confidence, track, status, null, null);
    }

    /** A report that may correct an earlier one, with no track number. */
    public MissileLaunchReport(String reportId, String sensorId, Country reportingCountry, Instant detectedAt,
                               GeoPoint launchPoint, GeoPoint predictedImpactPoint, Double apogeeKm, Double rangeKm,
                               Integer flightTimeSeconds, MissileClass missileClass, double confidence,
                               List<TrackPoint> track, TrafficStatus status, String correctsReportId) {
        this(reportId, sensorId, reportingCountry, detectedAt, launchPoint, predictedImpactPoint, apogeeKm, rangeKm,
                flightTimeSeconds, missileClass, confidence, track, status, correctsReportId, null);
    }

    /** This report, as a correction of the same sensor's report {@code reportId}. */
    public MissileLaunchReport correcting(String earlierReportId) {
        return new MissileLaunchReport(reportId, sensorId, reportingCountry, detectedAt, launchPoint,
                predictedImpactPoint, apogeeKm, rangeKm, flightTimeSeconds, missileClass, confidence, track, status,
                earlierReportId, trackId);
    }

    /** This report, on the sensor's track {@code sensorTrackId}. */
    public MissileLaunchReport onTrack(String sensorTrackId) {
        return new MissileLaunchReport(reportId, sensorId, reportingCountry, detectedAt, launchPoint,
                predictedImpactPoint, apogeeKm, rangeKm, flightTimeSeconds, missileClass, confidence, track, status,
                correctsReportId, sensorTrackId);
    }

    /** The Kafka key: {@code sensorId}. */
    @Override
    public String aggregateId() {
        return sensorId;
    }
}

package org.tcc.contracts.events.feed;

import java.time.Instant;

/** One observed position of the object: time, WGS 84 position and altitude in km. */
public record TrackPoint(Instant t, double lat, double lon, double altKm) {
}

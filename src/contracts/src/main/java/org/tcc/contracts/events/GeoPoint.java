package org.tcc.contracts.events;

/** A WGS 84 position in decimal degrees: {@code lat} in [-90, 90], {@code lon} in [-180, 180]. */
public record GeoPoint(double lat, double lon) {
}

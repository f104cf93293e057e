package org.tcc.ingestion.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.MultiLineString;
import org.tcc.contracts.events.GeoPoint;

class GeoTest {

    @Test
    void theMeanOfPointsEitherSideOfTheAntimeridianIsNearTheAntimeridianNotNearGreenwich() {
        GeoPoint mean = Geo.vectorMean(List.of(new GeoPoint(52.0, 179.9), new GeoPoint(52.0, -179.9)),
                List.of(1.0, 1.0));
        assertEquals(52.0, mean.lat(), 0.01);
        assertEquals(180.0, Math.abs(mean.lon()), 1e-6);
    }

    @Test
    void weightsPullTheMeanTowardTheHeavierPoint() {
        GeoPoint mean = Geo.vectorMean(List.of(new GeoPoint(0, 179.0), new GeoPoint(0, -179.0)), List.of(3.0, 1.0));
        assertTrue(mean.lon() > 179.0 && mean.lon() < 180.0, mean.toString());
    }

    @Test
    void theMeanOfNearbyPointsIsTheirArithmeticMeanToWithinMetres() {
        GeoPoint mean = Geo.vectorMean(List.of(new GeoPoint(39.0, 125.7), new GeoPoint(39.1, 125.9)),
                List.of(1.0, 1.0));
        assertTrue(Geo.distanceKm(mean, new GeoPoint(39.05, 125.8)) < 0.05, mean.toString());
    }

    @Test
    void distancesAcrossTheAntimeridianAreShort() {
        assertEquals(13.7, Geo.distanceKm(new GeoPoint(52.0, 179.9), new GeoPoint(52.0, -179.9)), 0.1);
    }

    @Test
    void aGroundTrackAcrossTheAntimeridianIsSplitThereIntoLonLatPieces() {
        MultiLineString track = Geo.groundTrack(List.of(new GeoPoint(50.0, 175.0), new GeoPoint(52.0, -175.0)), 10);
        assertEquals(2, track.getNumGeometries());
        Coordinate[] west = track.getGeometryN(0).getCoordinates();
        Coordinate[] east = track.getGeometryN(1).getCoordinates();
        assertEquals(180.0, west[west.length - 1].x, 1e-9);
        assertEquals(-180.0, east[0].x, 1e-9);
        assertEquals(west[west.length - 1].y, east[0].y, 1e-9);
        for (int g = 0; g < 2; g++) {
            for (Coordinate c : track.getGeometryN(g).getCoordinates()) {
                assertTrue(c.x >= -180 && c.x <= 180, c.toString());
            }
        }
        // sampled at most 10 km apart: ~720 km of track
        assertTrue(west.length + east.length >= 72, "points: " + (west.length + east.length));
    }

    @Test
    void aGreatCircleBulgesPoleward() {
        GeoPoint mid = Geo.intermediate(new GeoPoint(40.0, 125.0), new GeoPoint(40.0, 175.0), 0.5);
        assertEquals(150.0, mid.lon(), 1e-6);
        assertTrue(mid.lat() > 42.5, mid.toString());
    }

    @Test
    void longitudesAreNormalized() {
        assertEquals(-179.0, Geo.normalizeLon(181.0), 1e-9);
        assertEquals(179.0, Geo.normalizeLon(-181.0), 1e-9);
        assertEquals(180.0, Geo.normalizeLon(180.0), 1e-9);
        assertEquals(10.0, Geo.normalizeLon(370.0), 1e-9);
    }
}

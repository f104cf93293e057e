package org.tcc.ingestion.config;

import java.util.List;
import org.tcc.ingestion.domain.ImpactZone;

/** The zones the repository ships, read the way the service reads them. */
public final class ZonesFixture {

    private ZonesFixture() {
    }

    public static List<ImpactZone> defaults() {
        return DomainProducers.zones("classpath:zones/default-zones.geojson");
    }
}

package org.tcc.ingestion.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Country;
import org.tcc.contracts.Json;
import org.tcc.ingestion.domain.ImpactZone;

/** The shipped zone file: generated from a named public source, documented, complete, within lon/lat bounds. */
class ZoneFileTest {

    private static final String LOCATION = "classpath:zones/default-zones.geojson";

    @Test
    void theFileRecordsItsSourceLicenceMethodAndParameters() throws Exception {
        byte[] file = Resources.read(LOCATION);
        JsonNode props = Json.mapper().readTree(file).path("properties");
        assertTrue(props.path("source").asText().contains("Natural Earth"), props.toString());
        assertTrue(props.path("source").asText().contains("world-atlas@2.0.2"));
        assertEquals(64, props.path("sourceSha256").asText().length());
        assertTrue(props.path("licence").asText().contains("public domain"));
        assertTrue(props.path("method").asText().contains("200-nmi"));
        assertTrue(props.path("method").asText().contains("nearer that country's coast"));
        assertEquals(200, props.path("parameters").path("eezNauticalMiles").asInt());
        assertTrue(props.path("parameters").path("regions").size() >= 6);
        assertTrue(props.path("generatedBy").asText().contains("deploy/zones/generate.sh"));
        assertTrue(file.length < 1_000_000, "small enough to assess in microseconds: " + file.length + " bytes");
    }

    @Test
    void everyParticipantHasTerritoryAndAnEezAndDisputedZonesNameTheirClaimants() {
        List<ImpactZone> zones = DomainProducers.zones(LOCATION);
        for (Country country : Country.values()) {
            for (ImpactZone.Kind kind : ImpactZone.Kind.values()) {
                assertTrue(zones.stream().anyMatch(z -> !z.disputed() && z.kind() == kind
                        && z.countries().equals(Set.of(country))), country + " " + kind);
            }
        }
        Set<String> ids = zones.stream().map(ImpactZone::id).collect(Collectors.toSet());
        assertEquals(zones.size(), ids.size(), "zone ids are unique");
        for (ImpactZone zone : zones) {
            assertFalse(zone.area().getGeometry().isEmpty(), zone.id());
            assertTrue(zone.area().getGeometry().isValid(), zone.id() + " is a valid geometry");
            var env = zone.area().getGeometry().getEnvelopeInternal();
            assertTrue(env.getMinX() >= -180 && env.getMaxX() <= 180, zone.id() + " within [-180, 180]");
            if (zone.disputed()) {
                assertTrue(zone.claimants().size() >= 2, zone.id() + " names every claimant");
                Set<Country> participating = EnumSet.noneOf(Country.class);
                zone.claimants().forEach(c -> Country.parse(c).ifPresent(participating::add));
                assertEquals(participating, zone.countries(), zone.id() + " concerns every participating claimant");
                assertTrue(zone.name().contains(" / ") || zone.name().contains("not agreed"),
                        zone.id() + " carries each side's name, or says the boundary is not agreed: " + zone.name());
            }
        }
        assertTrue(zones.stream().anyMatch(z -> z.disputed() && z.countries().equals(Set.of(Country.KOR, Country.JPN))
                && z.name().contains("Dokdo / Takeshima")), "Liancourt Rocks");
    }
}

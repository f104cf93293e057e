package org.tcc.console.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tcc.console.config.ConsoleConfig;

/**
 * The impact zones drawn on the alert map: the zone file alert-ingestion assesses impacts and overflights against
 * ({@code tcc.console.zones}; by default the repository's file, copied into the console at build time), read once.
 */
@jakarta.ws.rs.Path("/map/zones.geojson")
@Authenticated
public class ZonesResource {

    private final byte[] zones;

    ZonesResource(ConsoleConfig config) {
        this.zones = read(config.zones());
    }

    @GET
    @Produces({"application/geo+json", "application/json"})
    public Response zones() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        cache.setPrivate(true);
        return Response.ok(zones).cacheControl(cache).build();
    }

    static byte[] read(String location) {
        try {
            if (location.startsWith("classpath:")) {
                String resource = location.substring("classpath:".length());
                try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new NotFoundException("no zone file " + location);
                    }
                    return in.readAllBytes();
                }
            }
            return Files.readAllBytes(Path.of(location));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the zone file " + location, e);
        }
    }
}

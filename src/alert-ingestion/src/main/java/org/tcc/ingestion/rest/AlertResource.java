package org.tcc.ingestion.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tcc.contracts.Roles;
import org.tcc.contracts.events.alert.AlertLifecycle;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Region;
import org.tcc.ingestion.repository.AlertRepository;
import org.tcc.ingestion.service.AlertQueries;
import org.tcc.kit.rest.Problem;
import org.tcc.kit.security.Caller;

/** The liaison officers' view of alerts: only what is releasable to their own country. */
@Path("/api/v1/alerts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    /** A page of alerts, newest first; {@code next} is the cursor of the following page, absent on the last. */
    public record AlertPage(List<AlertState> alerts, String next) {
    }

    @Inject
    Caller caller;

    @Inject
    AlertQueries queries;

    @GET
    @RolesAllowed(Roles.LIAISON)
    public AlertPage list(@QueryParam("status") AlertLifecycle status, @QueryParam("type") AlertType type,
                          @QueryParam("region") Region region, @QueryParam("since") String since,
                          @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        int pageSize = limit == null ? 50 : limit;
        if (pageSize < 1 || pageSize > 200) {
            throw Problem.invalid("limit", "must be between 1 and 200");
        }
        AlertRepository.Filter filter = new AlertRepository.Filter(status, type, region, instant("since", since));
        AlertQueries.Page page = queries.list(caller.requireCountry(), filter, Cursors.decode(cursor), pageSize);
        return new AlertPage(page.alerts(), page.next() == null ? null : Cursors.encode(page.next()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.LIAISON)
    public AlertState get(@PathParam("id") String id) {
        return queries.get(Ids.alertId(id), caller.requireCountry());
    }

    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw Problem.invalid(field, "must be an ISO-8601 UTC instant such as 2026-11-29T12:00:00Z");
        }
    }
}

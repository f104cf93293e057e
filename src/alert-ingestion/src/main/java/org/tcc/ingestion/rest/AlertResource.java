package org.tcc.ingestion.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.tcc.contracts.Json;
import org.tcc.contracts.Roles;
import org.tcc.contracts.events.alert.AlertLifecycle;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Region;
import org.tcc.ingestion.domain.AlertRules;
import org.tcc.ingestion.repository.AlertRepository;
import org.tcc.ingestion.rest.cap.CapAlerts;
import org.tcc.ingestion.rest.cap.CapMessage;
import org.tcc.ingestion.rest.cap.CapParser;
import org.tcc.ingestion.rest.cap.CapWriter;
import org.tcc.ingestion.service.AlertCommands;
import org.tcc.ingestion.service.AlertQueries;
import org.tcc.kit.rest.ConcurrentChanges;
import org.tcc.kit.rest.Problem;
import org.tcc.kit.security.Caller;

/**
 * The liaison officers' alert API. The caller's country always comes from the token: a liaison sees only alerts
 * releasable to their country (any other is a 404, as if missing), and acts only for their country.
 */
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

    @Inject
    AlertCommands commands;

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
    @RolesAllowed({Roles.LIAISON, Roles.FEED})
    @Produces({MediaType.APPLICATION_JSON, CapWriter.MEDIA_TYPE})
    public Response get(@PathParam("id") String id, @HeaderParam("Accept") String accept) {
        AlertState alert = queries.get(Ids.alertId(id), caller.requireCountry());
        if (accept != null && accept.contains(CapWriter.MEDIA_TYPE)) {
            return Response.ok(CapWriter.write(alert), CapWriter.MEDIA_TYPE).build();
        }
        return Response.ok(alert, MediaType.APPLICATION_JSON).build();
    }

    @POST
    @RolesAllowed(Roles.LIAISON)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response raise(@Valid @NotNull AlertRequests.RaiseAlert body,
                          @HeaderParam("Idempotency-Key") String idempotencyKey, @jakarta.ws.rs.core.Context UriInfo uri) {
        AlertCommands.Result result = commands.raise(body.toRule(), acting(), key(idempotencyKey),
                sha256(Json.toBytes(body)), null);
        return created(result, uri);
    }

    /** Raises, updates or cancels from a CAP 1.2 document, by its msgType. */
    @POST
    @RolesAllowed(Roles.LIAISON)
    @Consumes({CapWriter.MEDIA_TYPE, MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    public Response raiseFromCap(byte[] document, @HeaderParam("Idempotency-Key") String idempotencyKey,
                                 @jakarta.ws.rs.core.Context UriInfo uri) {
        CapMessage cap = CapParser.parse(document);
        AlertRules.Acting by = acting();
        switch (cap.msgType()) {
            case "Alert":
                break;
            case "Update":
            case "Cancel": {
                String referenced = cap.referencedIdentifier();
                java.util.Optional<UUID> target = referenced == null ? java.util.Optional.empty()
                        : commands.findByCapReference(referenced, by.country());
                if (target.isPresent()) {
                    AlertCommands.Result result = "Cancel".equals(cap.msgType())
                            ? commands.cancel(target.get(), "CAP Cancel " + cap.identifier(), by)
                            : commands.update(target.get(), CapAlerts.change(cap), by);
                    return Response.ok(result.alert()).build();
                }
                if ("Cancel".equals(cap.msgType())) {
                    throw Problem.notFound("the alert referenced by 'references'");
                }
                break; // an update of a message TCC never saw: raised as a new alert
            }
            default:
                throw Problem.invalid("msgType", "only Alert, Update and Cancel messages are accepted here");
        }
        AlertCommands.Result result = commands.raise(CapAlerts.raise(cap), by, key(idempotencyKey),
                sha256(document), cap.identifier());
        return created(result, uri);
    }

    @POST
    @Path("{id}/acknowledgements")
    @RolesAllowed({Roles.LIAISON, Roles.FEED})
    public Response acknowledge(@PathParam("id") String id) {
        AlertCommands.Result result = concurrently(() -> commands.acknowledge(Ids.alertId(id), acting()));
        return Response.status(result.changed() ? 201 : 200).entity(result.alert()).build();
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed({Roles.LIAISON, Roles.FEED})
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public AlertState update(@PathParam("id") String id, @Valid @NotNull AlertRequests.UpdateAlert body) {
        return concurrently(() -> commands.update(Ids.alertId(id), body.toRule(), acting())).alert();
    }

    @POST
    @Path("{id}/cancellation")
    @RolesAllowed({Roles.LIAISON, Roles.FEED})
    @Consumes(MediaType.APPLICATION_JSON)
    public AlertState cancel(@PathParam("id") String id, @Valid @NotNull AlertRequests.Reason body) {
        return concurrently(() -> commands.cancel(Ids.alertId(id), body.reason(), acting())).alert();
    }

    @POST
    @Path("{id}/resolution")
    @RolesAllowed({Roles.LIAISON, Roles.FEED})
    @Consumes(MediaType.APPLICATION_JSON)
    public AlertState resolve(@PathParam("id") String id, @Valid @NotNull AlertRequests.Reason body) {
        return concurrently(() -> commands.resolve(Ids.alertId(id), body.reason(), acting())).alert();
    }

    private AlertRules.Acting acting() {
        return new AlertRules.Acting(caller.subject(), caller.requireCountry(), caller.hasRole(Roles.FEED)
                && !caller.hasRole(Roles.LIAISON));
    }

    private static Response created(AlertCommands.Result result, UriInfo uri) {
        return Response.status(result.changed() ? 201 : 200)
                .location(uri.getBaseUriBuilder().path("api/v1/alerts").path(result.alert().alertId()).build())
                .entity(result.alert()).type(MediaType.APPLICATION_JSON).build();
    }

    private static String key(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return null;
        }
        if (idempotencyKey.length() > 128) {
            throw Problem.invalid("Idempotency-Key", "must be at most 128 characters");
        }
        return idempotencyKey.trim();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

    /**
     * A change of an alert that another change (a second country acknowledging it, a sensor report refining it)
     * overtook is judged again on the new state, up to three times; then it is a 409.
     */
    private static AlertCommands.Result concurrently(java.util.function.Supplier<AlertCommands.Result> change) {
        return ConcurrentChanges.retry(3, change, () -> Problem.conflict(
                "the alert was changed concurrently; reload it and retry", java.util.Map.of()));
    }
}

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
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tcc.contracts.Json;
import org.tcc.contracts.Roles;
import org.tcc.contracts.events.TrafficStatus;
import org.tcc.contracts.events.alert.AlertLifecycle;
import org.tcc.contracts.events.alert.AlertState;
import org.tcc.contracts.events.alert.AlertType;
import org.tcc.contracts.events.alert.Region;
import org.tcc.ingestion.domain.AlertRules;
import org.tcc.ingestion.repository.AlertRepository;
import org.tcc.ingestion.rest.cap.CapAlerts;
import org.tcc.ingestion.rest.cap.CapMessage;
import org.tcc.ingestion.rest.cap.CapParser;
import org.tcc.ingestion.rest.cap.CapReleasability;
import org.tcc.ingestion.rest.cap.CapWriter;
import org.tcc.ingestion.service.AlertCommands;
import org.tcc.ingestion.service.AlertQueries;
import org.jboss.resteasy.reactive.RestResponse;
import org.tcc.kit.rest.ConcurrentChanges;
import org.tcc.kit.rest.Cursor;
import org.tcc.kit.rest.Deprecations;
import org.tcc.kit.rest.Page;
import org.tcc.kit.rest.Problem;
import org.tcc.kit.rest.ProblemResponses;
import org.tcc.kit.rest.Query;
import org.tcc.kit.security.Caller;

/**
 * The liaison officers' alert API. The caller's country always comes from the token: a liaison sees only alerts
 * releasable to their country (any other is a 404, as if missing), and acts only for their country.
 */
@Path("/api/v1/alerts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    /**
     * A page of alerts, newest first, in the list envelope ({@code items}, {@code next}). {@code alerts} repeats
     * {@code items} for the clients written before the envelope: deprecated, answered with {@code Deprecation: true},
     * dropped in v2.
     */
    @Schema(name = "AlertPage")
    public record AlertPage(List<AlertView> items,
                            @Schema(description = "The cursor of the next page; null on the last page",
                                    nullable = true) String next,
                            @Schema(deprecated = true, description = "The same alerts as `items` (before the list "
                                    + "envelope; dropped in v2)") List<AlertView> alerts) {
    }

    static final String LIST = "alerts";

    @Inject
    Caller caller;

    @Inject
    AlertQueries queries;

    @Inject
    AlertCommands commands;

    private static final Set<String> LIST_PARAMETERS = Query.listParameters("lifecycle", "status", "type", "region",
            "since");

    /**
     * The alerts releasable to the caller's country, newest first. Every parameter is read strictly
     * ({@link Query}): an unknown parameter or value is a 400 naming it.
     */
    @GET
    @RolesAllowed(Roles.LIAISON)
    @Operation(summary = "List the alerts releasable to the caller's country, newest first",
            description = "Every filter is optional. An unknown query parameter, a parameter given twice or a value "
                    + "outside its list is a 400 application/problem+json naming the parameter. Changed: "
                    + "`status` now filters the traffic status (ACTUAL, EXERCISE, TEST, as `status` in the alert "
                    + "body); the lifecycle filter (ACTIVE, CANCELLED, RESOLVED) is `lifecycle`. A lifecycle value "
                    + "given as `status` is a 400 whose detail points to `lifecycle`.")
    @APIResponse(responseCode = "200", description = "A page of alerts; `next` is the cursor of the next page. "
            + "`Deprecation: true` while the body also carries the deprecated `alerts`",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AlertPage.class)))
    public RestResponse<AlertPage> list(
            @Parameter(description = "Lifecycle filter", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"ACTIVE", "CANCELLED", "RESOLVED"}))
            @QueryParam("lifecycle") String lifecycle,
            @Parameter(description = "Traffic-status filter (the alert's `status`; before this version `status` "
                    + "filtered the lifecycle, now `lifecycle`)", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"ACTUAL", "EXERCISE", "TEST"}))
            @QueryParam("status") String status,
            @Parameter(description = "Alert type filter", schema = @Schema(implementation = AlertType.class))
            @QueryParam("type") String type,
            @Parameter(description = "Region filter", schema = @Schema(implementation = Region.class))
            @QueryParam("region") String region,
            @Parameter(description = "Only alerts raised at or after this ISO-8601 UTC instant",
                    example = "2026-11-29T12:00:00Z")
            @QueryParam("since") String since,
            @Parameter(description = "The `next` cursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        Query query = new Query(uri, LIST_PARAMETERS);
        AlertRepository.Filter filter = new AlertRepository.Filter(
                query.enumeration("lifecycle", AlertLifecycle.class, null),
                query.enumeration("status", TrafficStatus.class, statusHint(query.text("status"))),
                query.enumeration("type", AlertType.class, null),
                query.enumeration("region", Region.class, null),
                query.instant("since"));
        int pageSize = query.limit();
        Cursor.Position position = query.cursor(LIST, 2);
        AlertRepository.Cursor after = position == null ? null
                : new AlertRepository.Cursor(position.instant(0), position.uuid(1));
        AlertQueries.Page page = queries.list(caller.requireCountry(), filter, after, pageSize);
        List<AlertView> items = page.alerts().stream().map(AlertView::of).toList();
        String next = page.next() == null ? null : Cursor.encode(LIST, page.next().raisedAt(), page.next().id());
        // no request tells a client that reads `alerts` from one that reads `items`: both are answered, and the
        // deprecated field is announced on every page until v2 drops it
        return Deprecations.oldForm(new AlertPage(items, next, items), null);
    }

    /** A lifecycle value given as {@code status} (its meaning before it became the traffic status). */
    private static String statusHint(String value) {
        for (AlertLifecycle lifecycle : AlertLifecycle.values()) {
            if (lifecycle.name().equalsIgnoreCase(String.valueOf(value))) {
                return "status is the traffic status; to filter the lifecycle use lifecycle=" + lifecycle.name();
            }
        }
        return null;
    }

    @GET
    @Path("{alertId}")
    @RolesAllowed({Roles.LIAISON, Roles.FEED})
    @Produces({MediaType.APPLICATION_JSON, CapWriter.MEDIA_TYPE})
    @Operation(summary = "One alert (404 if not releasable to the caller's country); `Accept: application/cap+xml` "
            + "exports CAP 1.2")
    @APIResponse(responseCode = "200", description = "The alert", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AlertView.class)),
            @Content(mediaType = CapWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response get(@PathParam("alertId") String id, @HeaderParam("Accept") String accept) {
        AlertState alert = queries.get(Ids.alertId(id), caller.requireCountry());
        if (accept != null && accept.contains(CapWriter.MEDIA_TYPE)) {
            return Response.ok(CapWriter.write(alert), CapWriter.MEDIA_TYPE + ";charset=UTF-8").build();
        }
        return Response.ok(AlertView.of(alert), MediaType.APPLICATION_JSON).build();
    }

    static final String VERSIONS = "alert-versions";

    /**
     * The alert's versions, newest first, a page at a time: what each changed, when and by whom. Alerts raised before
     * the history was kept (migration V7) list only the versions made since.
     */
    @GET
    @Path("{alertId}/versions")
    @RolesAllowed({Roles.LIAISON, Roles.FEED})
    @Operation(summary = "The alert's versions, newest first (404 if the alert is not releasable to the caller's "
            + "country)", description = "Each version says what changed (RAISED, UPDATED, ACKNOWLEDGED, CANCELLED, "
            + "RESOLVED), when, who changed it (country, subject, sensors, as the event carries it), the changed "
            + "fields and reason, and the alert's severity, lifecycle, headline and affected countries after it. "
            + "Alerts raised before version history was kept have no entries for their earlier versions.")
    @APIResponse(responseCode = "200", description = "A page of versions; `next` is the cursor of the next page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AlertVersionPage.class)))
    public Page<AlertVersionView> versions(
            @PathParam("alertId") String id,
            @Parameter(description = "The `next` cursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        UUID alertId = Ids.alertId(id);
        Query query = new Query(uri, Query.listParameters());
        int pageSize = query.limit();
        Cursor.Position at = query.cursor(VERSIONS, 1);
        return Page.of(queries.versions(alertId, caller.requireCountry(), at == null ? null : at.number(0),
                pageSize + 1), pageSize, v -> AlertVersionView.of(alertId, v),
                v -> Cursor.encode(VERSIONS, v.version()));
    }

    /** A page of an alert's versions, newest first, in the list envelope. */
    @Schema(name = "AlertVersionPage")
    public record AlertVersionPage(List<AlertVersionView> items,
                                   @Schema(description = "The cursor of the next page; null on the last page",
                                           nullable = true) String next) {
    }

    @POST
    @RolesAllowed(Roles.LIAISON)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Raise an alert (JSON or CAP 1.2); a CAP Update or Cancel changes the alert it references")
    @APIResponse(responseCode = "201", description = "Raised; `Location` names it", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AlertView.class)))
    @APIResponse(responseCode = "200", description = "A retry with the same `Idempotency-Key` (the first answer), or "
            + "a CAP Update or Cancel applied", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AlertView.class)))
    @Extension(name = ProblemResponses.EXTENSION, value = "idempotency-in-progress,not-active,conflict")
    public Response raise(@Valid @NotNull AlertRequests.RaiseAlert body,
                          @HeaderParam("Idempotency-Key") String idempotencyKey, @jakarta.ws.rs.core.Context UriInfo uri) {
        AlertCommands.Result result = commands.raise(body.toRule(), acting(), key(idempotencyKey),
                sha256(Json.toBytes(body)), null);
        return created(result, uri);
    }

    /**
     * Raises, updates or cancels from a CAP 1.2 document, by its msgType. Everything but the referenced alert is
     * checked by {@link CapParser} before anything is written; an Update or Cancel applies to the alert its
     * {@code references} name (404 if the caller's country cannot see one), never raises a new alert.
     */
    @POST
    @RolesAllowed(Roles.LIAISON)
    @Consumes({CapWriter.MEDIA_TYPE, MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Extension(name = ProblemResponses.EXTENSION, value = "idempotency-in-progress,not-active,conflict,not-found")
    public Response raiseFromCap(byte[] document, @HeaderParam("Idempotency-Key") String idempotencyKey,
                                 @jakarta.ws.rs.core.Context UriInfo uri) {
        CapMessage cap = CapParser.parse(document);
        AlertRules.Acting by = acting();
        switch (cap.msgType()) {
            case "Alert": {
                if (!cap.releasableTo().contains(by.country())) {
                    throw Problem.invalid("restriction", "must release the alert to the raising country "
                            + by.country() + " (" + CapReleasability.FORM + ")");
                }
                AlertCommands.Result result = commands.raise(CapAlerts.raise(cap), by, key(idempotencyKey),
                        sha256(document), cap.identifier());
                return created(result, uri);
            }
            case "Update":
            case "Cancel": {
                UUID target = commands.findByCapReferences(
                        cap.references().stream().map(CapMessage.Reference::identifier).toList(), by.country());
                AlertCommands.Result result = capFields(() -> concurrently(() -> "Cancel".equals(cap.msgType())
                        ? commands.cancel(target, "CAP Cancel " + cap.identifier(), by)
                        : commands.update(target, CapAlerts.change(cap), by)));
                return Response.ok(AlertView.of(result.alert())).build();
            }
            default:
                throw Problem.invalid("msgType", "only Alert, Update and Cancel messages are accepted here");
        }
    }

    @POST
    @Path("{alertId}/acknowledgements")
    @RolesAllowed({Roles.LIAISON, Roles.FEED})
    @Operation(summary = "Acknowledge the alert for the caller's country")
    @APIResponse(responseCode = "201", description = "Acknowledged now", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AlertView.class)))
    @APIResponse(responseCode = "200", description = "Already acknowledged by the country", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AlertView.class)))
    @Extension(name = ProblemResponses.EXTENSION, value = "conflict")
    public Response acknowledge(@PathParam("alertId") String id) {
        AlertCommands.Result result = concurrently(() -> commands.acknowledge(Ids.alertId(id), acting()));
        return Response.status(result.changed() ? 201 : 200).entity(AlertView.of(result.alert())).build();
    }

    @PATCH
    @Path("{alertId}")
    @RolesAllowed({Roles.LIAISON, Roles.FEED})
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Extension(name = ProblemResponses.EXTENSION, value = "not-active,conflict")
    public AlertView update(@PathParam("alertId") String id, @Valid @NotNull AlertRequests.UpdateAlert body) {
        return AlertView.of(concurrently(() -> commands.update(Ids.alertId(id), body.toRule(), acting())).alert());
    }

    @POST
    @Path("{alertId}/cancellation")
    @RolesAllowed({Roles.LIAISON, Roles.FEED})
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = ProblemResponses.EXTENSION, value = "not-active,conflict")
    public AlertView cancel(@PathParam("alertId") String id, @Valid @NotNull AlertRequests.Reason body) {
        return AlertView.of(concurrently(() -> commands.cancel(Ids.alertId(id), body.reason(), acting())).alert());
    }

    @POST
    @Path("{alertId}/resolution")
    @RolesAllowed({Roles.LIAISON, Roles.FEED})
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = ProblemResponses.EXTENSION, value = "not-active,conflict")
    public AlertView resolve(@PathParam("alertId") String id, @Valid @NotNull AlertRequests.Reason body) {
        return AlertView.of(concurrently(() -> commands.resolve(Ids.alertId(id), body.reason(), acting())).alert());
    }

    private AlertRules.Acting acting() {
        return new AlertRules.Acting(caller.subject(), caller.requireCountry(), caller.hasRole(Roles.FEED)
                && !caller.hasRole(Roles.LIAISON));
    }

    private static Response created(AlertCommands.Result result, UriInfo uri) {
        return Response.status(result.changed() ? 201 : 200)
                .location(uri.getBaseUriBuilder().path("api/v1/alerts").path(result.alert().alertId()).build())
                .entity(AlertView.of(result.alert())).type(MediaType.APPLICATION_JSON).build();
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

    /** A CAP message names the alert's releasability {@code restriction}, not {@code releasableTo}. */
    private static AlertCommands.Result capFields(java.util.function.Supplier<AlertCommands.Result> change) {
        try {
            return change.get();
        } catch (Problem problem) {
            if (problem.status() != 422 || problem.errors().stream().noneMatch(e -> "releasableTo".equals(e.field()))) {
                throw problem;
            }
            throw Problem.invalid(problem.errors().stream().map(e -> "releasableTo".equals(e.field())
                    ? new Problem.FieldError("restriction", e.message()) : e).toList());
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

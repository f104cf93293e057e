package org.tcc.consultation.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.tcc.consultation.domain.Consultation;
import org.tcc.consultation.service.ConsultationQueries;
import org.tcc.consultation.service.ConsultationService;
import org.tcc.contracts.Country;
import org.tcc.contracts.Roles;
import org.tcc.contracts.events.Actor;
import org.tcc.contracts.events.consultation.ConsultationPhase;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.tcc.consultation.repository.ConsultationRepository;
import org.tcc.kit.rest.ConcurrentChanges;
import org.tcc.kit.rest.Cursor;
import org.tcc.kit.rest.Deprecations;
import org.tcc.kit.rest.Page;
import org.tcc.kit.rest.Problem;
import org.tcc.kit.rest.ProblemResponses;
import org.tcc.kit.rest.Query;
import org.tcc.kit.security.Caller;

/**
 * The liaison officers' consultation workflow. The caller's country comes from the token; a consultation the
 * caller's country does not take part in does not exist for them (404).
 */
@Path("/api/v1/consultations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConsultationResource {

    /** The deprecated page/size answer (API v1 only): {@code nextPage} is the next page number. */
    @Schema(deprecated = true)
    public record ConsultationPageV0(List<ConsultationView> consultations, Integer nextPage) {
    }

    static final String LIST = "consultations";
    static final String TIMELINE = "consultation-timeline";
    private static final Set<String> LIST_PARAMETERS = Query.listParameters("phase", "page", "size");

    @Inject
    Caller caller;

    @Inject
    ConsultationService service;

    @Inject
    ConsultationQueries queries;

    /**
     * The consultations the caller's country takes part in, newest first, a page at a time ({@code cursor},
     * {@code limit}). The query is read strictly. {@code page}/{@code size} is the form before the list envelope,
     * answered in its old shape with {@code Deprecation: true} for API v1 only.
     */
    @GET
    @RolesAllowed(Roles.LIAISON)
    @Operation(summary = "List the consultations the caller's country takes part in, newest first")
    @APIResponse(responseCode = "200", description = "A page of consultations; with the deprecated `page`/`size` "
            + "the old `{consultations, nextPage}` body, `Deprecation: true` and a `Link` to the new form")
    public RestResponse<Page<ConsultationView>> list(
            @Parameter(description = "Phase filter", schema = @Schema(implementation = ConsultationPhase.class))
            @QueryParam("phase") String phase,
            @Parameter(description = "The `next` of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "200", defaultValue = "50")) @QueryParam("limit") String limit,
            @Parameter(deprecated = true, description = "Deprecated (v1 only): page number from 0; use `cursor`",
                    schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("page") String page,
            @Parameter(deprecated = true, description = "Deprecated (v1 only): page size 1 to 200; use `limit`",
                    schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("size") String size,
            @Context UriInfo uri) {
        Query query = new Query(uri, LIST_PARAMETERS);
        ConsultationPhase phaseFilter = query.enumeration("phase", ConsultationPhase.class);
        Country country = caller.requireCountry();
        if (query.has("page") || query.has("size")) {
            if (query.has(Query.CURSOR) || query.has(Query.LIMIT)) {
                throw Query.invalid(query.has("page") ? "page" : "size", "is the deprecated form of cursor and "
                        + "limit; give one form, not both");
            }
            Integer p = query.integer("page", 0, Integer.MAX_VALUE / Query.MAX_LIMIT);
            Integer s = query.integer("size", 1, Query.MAX_LIMIT);
            int pageNumber = p == null ? 0 : p;
            int pageSize = s == null ? Query.DEFAULT_LIMIT : s;
            List<ConsultationView> items = queries.listByOffset(country, phaseFilter, pageNumber * pageSize,
                    pageSize + 1).stream().map(ConsultationView::of).toList();
            ConsultationPageV0 old = items.size() > pageSize
                    ? new ConsultationPageV0(items.subList(0, pageSize), pageNumber + 1)
                    : new ConsultationPageV0(items, null);
            return Deprecations.oldForm(old, Deprecations.successor(uri, new String[] {"page", "size"},
                    Query.LIMIT, pageSize));
        }
        int pageSize = query.limit();
        Cursor.Position at = query.cursor(LIST, 2);
        ConsultationRepository.Position after = at == null ? null
                : new ConsultationRepository.Position(at.instant(0), at.uuid(1));
        return RestResponse.ok(Page.of(queries.list(country, phaseFilter, after, pageSize + 1), pageSize,
                ConsultationView::of, c -> Cursor.encode(LIST, c.convenedAt(), c.id())));
    }

    @GET
    @Path("{consultationId}")
    @RolesAllowed(Roles.LIAISON)
    public ConsultationView get(@PathParam("consultationId") String id) {
        return ConsultationView.of(queries.get(Ids.consultation(id), caller.requireCountry()));
    }

    /** The consultation's timeline (actions, alert updates, escalations), for its participants, oldest first. */
    @GET
    @Path("{consultationId}/timeline")
    @RolesAllowed(Roles.LIAISON)
    @Operation(summary = "The consultation's timeline, oldest first, a page at a time")
    public Page<AuditEntryView> timeline(
            @PathParam("consultationId") String id,
            @Parameter(description = "The `next` of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "200", defaultValue = "50")) @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        UUID consultation = Ids.consultation(id);
        Query query = new Query(uri, Query.listParameters());
        int pageSize = query.limit();
        Cursor.Position at = query.cursor(TIMELINE, 1);
        queries.get(consultation, caller.requireCountry());
        return Page.of(queries.timeline(consultation, at == null ? 0 : at.number(0), pageSize + 1), pageSize,
                AuditEntryView::of, e -> Cursor.encode(TIMELINE, e.seq));
    }

    /** Convenes a consultation by hand (no sensor alert); the caller's country must be among the participants. */
    @POST
    @RolesAllowed(Roles.LIAISON)
    public Response convene(@NotNull @Valid Requests.Convene body) {
        Actor actor = actor(null);
        Consultation c = service.convene(actor, new ConsultationService.ManualConvening(body.subject(), body.type(),
                body.region(), body.status(), body.level(), EnumSet.copyOf(body.participants())));
        return Response.created(URI.create("/api/v1/consultations/" + c.id())).entity(ConsultationView.of(c)).build();
    }

    @POST
    @Path("{consultationId}/join")
    @RolesAllowed(Roles.LIAISON)
    @Extension(name = ProblemResponses.EXTENSION, value = "conflict,validation")
    public ConsultationView join(@PathParam("consultationId") String id, @Valid Requests.Act body) {
        UUID cid = Ids.consultation(id);
        Actor actor = actor(body == null ? null : body.country());
        return guarded(cid, () -> service.join(cid, actor));
    }

    @POST
    @Path("{consultationId}/positions")
    @RolesAllowed(Roles.LIAISON)
    @Extension(name = ProblemResponses.EXTENSION, value = "conflict")
    public ConsultationView submitPosition(@PathParam("consultationId") String id, @NotNull @Valid Requests.SubmitPosition body) {
        UUID cid = Ids.consultation(id);
        Actor actor = actor(body.country());
        return guarded(cid, () -> service.submitPosition(cid, actor, body.assessment(), body.position()));
    }

    @POST
    @Path("{consultationId}/proposals")
    @RolesAllowed(Roles.LIAISON)
    @Extension(name = ProblemResponses.EXTENSION, value = "conflict")
    public Response propose(@PathParam("consultationId") String id, @NotNull @Valid Requests.Propose body) {
        UUID cid = Ids.consultation(id);
        Actor actor = actor(body.country());
        ConsultationView view = guarded(cid, () -> service.propose(cid, actor, body.statement(), body.actions()));
        return Response.created(URI.create("/api/v1/consultations/" + cid + "/proposals/" + view.proposal().id()))
                .entity(view).build();
    }

    @POST
    @Path("{consultationId}/proposals/{proposalId}/approve")
    @RolesAllowed(Roles.LIAISON)
    @Extension(name = ProblemResponses.EXTENSION, value = "conflict,validation")
    public ConsultationView approve(@PathParam("consultationId") String id, @PathParam("proposalId") String proposalId,
                                    @Valid Requests.Respond body) {
        UUID cid = Ids.consultation(id);
        Actor actor = actor(body == null ? null : body.country());
        return guarded(cid, () -> service.approve(cid, actor, proposalId));
    }

    @POST
    @Path("{consultationId}/proposals/{proposalId}/decline")
    @RolesAllowed(Roles.LIAISON)
    @Extension(name = ProblemResponses.EXTENSION, value = "conflict,validation")
    public ConsultationView decline(@PathParam("consultationId") String id, @PathParam("proposalId") String proposalId,
                                    @Valid Requests.Respond body) {
        UUID cid = Ids.consultation(id);
        Actor actor = actor(body == null ? null : body.country());
        String reason = reason(body);
        return guarded(cid, () -> service.decline(cid, actor, proposalId, reason));
    }

    @POST
    @Path("{consultationId}/proposals/{proposalId}/abstain")
    @RolesAllowed(Roles.LIAISON)
    @Extension(name = ProblemResponses.EXTENSION, value = "conflict,validation")
    public ConsultationView abstain(@PathParam("consultationId") String id, @PathParam("proposalId") String proposalId,
                                    @Valid Requests.Respond body) {
        UUID cid = Ids.consultation(id);
        Actor actor = actor(body == null ? null : body.country());
        String reason = reason(body);
        return guarded(cid, () -> service.abstain(cid, actor, proposalId, reason));
    }

    @POST
    @Path("{consultationId}/close")
    @RolesAllowed(Roles.LIAISON)
    @Extension(name = ProblemResponses.EXTENSION, value = "conflict")
    public ConsultationView close(@PathParam("consultationId") String id, @NotNull @Valid Requests.Close body) {
        UUID cid = Ids.consultation(id);
        Actor actor = actor(body.country());
        return guarded(cid, () -> service.close(cid, actor, body.reason()));
    }

    /** The acting country is the token's; a body naming another one is an attempt to act for it. */
    private Actor actor(Country named) {
        Country own = caller.requireCountry();
        if (named != null && named != own) {
            throw Problem.forbidden("a liaison of " + own + " cannot act for " + named);
        }
        return new Actor(caller.subject(), own);
    }

    private static String reason(Requests.Respond body) {
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            throw Problem.invalid("reason", "must not be blank: a decline or abstention states its reason");
        }
        return body.reason();
    }

    /**
     * Runs an action, each attempt in its own transaction on freshly loaded state; a lost optimistic-lock race
     * (another country acting, or an alert event landing on the timeline at the same moment) is retried
     * ({@link ConcurrentChanges}), and only a race lost three times is a 409 naming the phase it left.
     */
    private ConsultationView guarded(UUID id, Supplier<Consultation> action) {
        return ConsultationView.of(ConcurrentChanges.retry(CONCURRENT_ATTEMPTS, action, () -> Problem.conflict(
                "the consultation was changed concurrently; reload it and retry",
                Map.of("currentState", service.currentPhase(id).map(Enum::name).orElse("UNKNOWN"),
                        "refusal", "CONCURRENT_CHANGE"))));
    }

    private static final int CONCURRENT_ATTEMPTS = 3;
}

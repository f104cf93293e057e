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
import org.tcc.kit.rest.ConcurrentChanges;
import org.tcc.kit.rest.Problem;
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

    public record ConsultationPage(List<ConsultationView> consultations, Integer nextPage) {
    }

    @Inject
    Caller caller;

    @Inject
    ConsultationService service;

    @Inject
    ConsultationQueries queries;

    @GET
    @RolesAllowed(Roles.LIAISON)
    public ConsultationPage list(@QueryParam("phase") ConsultationPhase phase, @QueryParam("page") Integer page,
                                 @QueryParam("size") Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        if (p < 0) {
            throw Problem.invalid("page", "must be 0 or more");
        }
        if (s < 1 || s > 200) {
            throw Problem.invalid("size", "must be between 1 and 200");
        }
        List<ConsultationView> items = queries.list(caller.requireCountry(), phase, p * s, s + 1).stream()
                .map(ConsultationView::of).toList();
        return items.size() > s ? new ConsultationPage(items.subList(0, s), p + 1) : new ConsultationPage(items, null);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.LIAISON)
    public ConsultationView get(@PathParam("id") String id) {
        return ConsultationView.of(queries.get(Ids.consultation(id), caller.requireCountry()));
    }

    /** The consultation's timeline (actions, alert updates, escalations), for its participants. */
    @GET
    @Path("{id}/timeline")
    @RolesAllowed(Roles.LIAISON)
    public List<AuditEntryView> timeline(@PathParam("id") String id) {
        UUID consultation = Ids.consultation(id);
        queries.get(consultation, caller.requireCountry());
        return queries.timeline(consultation).stream().map(AuditEntryView::of).toList();
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
    @Path("{id}/join")
    @RolesAllowed(Roles.LIAISON)
    public ConsultationView join(@PathParam("id") String id, @Valid Requests.Act body) {
        UUID cid = Ids.consultation(id);
        Actor actor = actor(body == null ? null : body.country());
        return guarded(cid, () -> service.join(cid, actor));
    }

    @POST
    @Path("{id}/positions")
    @RolesAllowed(Roles.LIAISON)
    public ConsultationView submitPosition(@PathParam("id") String id, @NotNull @Valid Requests.SubmitPosition body) {
        UUID cid = Ids.consultation(id);
        Actor actor = actor(body.country());
        return guarded(cid, () -> service.submitPosition(cid, actor, body.assessment(), body.position()));
    }

    @POST
    @Path("{id}/proposals")
    @RolesAllowed(Roles.LIAISON)
    public Response propose(@PathParam("id") String id, @NotNull @Valid Requests.Propose body) {
        UUID cid = Ids.consultation(id);
        Actor actor = actor(body.country());
        ConsultationView view = guarded(cid, () -> service.propose(cid, actor, body.statement(), body.actions()));
        return Response.created(URI.create("/api/v1/consultations/" + cid + "/proposals/" + view.proposal().id()))
                .entity(view).build();
    }

    @POST
    @Path("{id}/proposals/{proposalId}/approve")
    @RolesAllowed(Roles.LIAISON)
    public ConsultationView approve(@PathParam("id") String id, @PathParam("proposalId") String proposalId,
                                    @Valid Requests.Respond body) {
        UUID cid = Ids.consultation(id);
        Actor actor = actor(body == null ? null : body.country());
        return guarded(cid, () -> service.approve(cid, actor, proposalId));
    }

    @POST
    @Path("{id}/proposals/{proposalId}/decline")
    @RolesAllowed(Roles.LIAISON)
    public ConsultationView decline(@PathParam("id") String id, @PathParam("proposalId") String proposalId,
                                    @Valid Requests.Respond body) {
        UUID cid = Ids.consultation(id);
        Actor actor = actor(body == null ? null : body.country());
        String reason = reason(body);
        return guarded(cid, () -> service.decline(cid, actor, proposalId, reason));
    }

    @POST
    @Path("{id}/proposals/{proposalId}/abstain")
    @RolesAllowed(Roles.LIAISON)
    public ConsultationView abstain(@PathParam("id") String id, @PathParam("proposalId") String proposalId,
                                    @Valid Requests.Respond body) {
        UUID cid = Ids.consultation(id);
        Actor actor = actor(body == null ? null : body.country());
        String reason = reason(body);
        return guarded(cid, () -> service.abstain(cid, actor, proposalId, reason));
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed(Roles.LIAISON)
    public ConsultationView close(@PathParam("id") String id, @NotNull @Valid Requests.Close body) {
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

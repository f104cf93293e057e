package org.tcc.notification.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tcc.contracts.Country;
import org.tcc.contracts.Roles;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.tcc.kit.rest.Cursor;
import org.tcc.kit.rest.Page;
import org.tcc.kit.rest.Query;
import org.tcc.kit.rest.Problem;
import org.tcc.notification.repository.RecipientRepository;
import org.tcc.notification.domain.ChainStep;
import org.tcc.notification.repository.Recipient;
import org.tcc.notification.service.Access;
import org.tcc.notification.service.RecipientService;

/**
 * The recipients directory of the caller's country: its admins manage all of it, its liaisons the liaison step only
 * (the escalation chain above them is the admins'); a {@code trilateral} admin manages every country's. Every change
 * is recorded in the directory audit ({@link DirectoryAuditResource}).
 */
@Path("/api/v1/recipients")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RecipientResource {

    /** A recipient as shown; the webhook secret is write-only ({@code webhookSecretSet} tells whether one is set). */
    public record RecipientView(UUID id, Country country, String name, ChainStep chainStep, String email,
                                String webhookUrl, boolean webhookSecretSet, String language, boolean stream,
                                boolean active, Instant createdAt, Instant updatedAt) {
        static RecipientView of(Recipient r) {
            return new RecipientView(r.id, r.country, r.name, r.chainStep, r.email, r.webhookUrl,
                    r.webhookSecret != null, r.language, r.stream, r.active, r.createdAt, r.updatedAt);
        }
    }

    /**
     * Creates or replaces a recipient; on update a missing {@code webhookSecret} keeps the current one. {@code language}
     * is a BCP 47 tag, {@code en}, {@code ko} or {@code ja} (422 otherwise); missing, it is the country's on create
     * (USA en, KOR ko, JPN ja) and the current one on update.
     */
    public record RecipientInput(
            @NotNull Country country,
            @NotBlank @Size(max = 128) @Pattern(regexp = "[A-Za-z0-9._@-]+") String name,
            @NotNull ChainStep chainStep,
            @Email @Size(max = 320) String email,
            @Size(max = 2048) String webhookUrl,
            @Size(min = 16, max = 256) String webhookSecret,
            Boolean stream,
            Boolean active,
            String language) {
        RecipientService.Input toInput() {
            return new RecipientService.Input(country, name, chainStep, email, webhookUrl, webhookSecret, stream,
                    active, language);
        }
    }

    @Inject
    RecipientService recipients;

    @Inject
    Access access;

    static final String LIST = "recipients";

    /** The directory in its order (country, chain step, name), a page at a time; the query is read strictly. */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.LIAISON})
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "The directory of the caller's country (every "
            + "country's for a trilateral admin) by country, chain step and name")
    public Page<RecipientView> list(
            @Parameter(description = "Country (trilateral admins; others only their own)", schema = @Schema(
                    implementation = Country.class)) @QueryParam("country") String country,
            @Parameter(description = "The `next` of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "200", defaultValue = "50")) @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        Query query = new Query(uri, Query.listParameters("country"));
        java.util.Optional<Country> scope = access.recipientsListable(query.country("country"));
        int pageSize = query.limit();
        Cursor.Position at = query.cursor(LIST, 3);
        RecipientRepository.Position after = at == null ? null : new RecipientRepository.Position(
                at.enumeration(0, Country.class), at.enumeration(1, ChainStep.class), at.text(2));
        return Page.of(recipients.list(scope, after, pageSize + 1), pageSize, RecipientView::of,
                r -> Cursor.encode(LIST, r.country, r.chainStep, r.name));
    }

    @GET
    @Path("{recipientId}")
    @RolesAllowed({Roles.ADMIN, Roles.LIAISON})
    public RecipientView get(@PathParam("recipientId") String id) {
        Recipient r = recipients.get(id(id));
        access.requireRecipientsOf(r.country);
        return RecipientView.of(r);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.LIAISON})
    @org.eclipse.microprofile.openapi.annotations.extensions.Extension(
            name = org.tcc.kit.rest.ProblemResponses.EXTENSION, value = "conflict")
    public Response create(@NotNull @Valid RecipientInput input) {
        Recipient r = recipients.create(input.toInput());
        return Response.created(URI.create("/api/v1/recipients/" + r.id)).entity(RecipientView.of(r)).build();
    }

    @PUT
    @Path("{recipientId}")
    @RolesAllowed({Roles.ADMIN, Roles.LIAISON})
    @org.eclipse.microprofile.openapi.annotations.extensions.Extension(
            name = org.tcc.kit.rest.ProblemResponses.EXTENSION, value = "conflict")
    public RecipientView update(@PathParam("recipientId") String id, @NotNull @Valid RecipientInput input) {
        return RecipientView.of(recipients.update(id(id), input.toInput()));
    }

    @DELETE
    @Path("{recipientId}")
    @RolesAllowed({Roles.ADMIN, Roles.LIAISON})
    public Response deactivate(@PathParam("recipientId") String id) {
        recipients.deactivate(id(id));
        return Response.noContent().build();
    }

    static Country country(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Country.parse(value).orElseThrow(() -> Problem.invalid("country", "must be one of USA, KOR, JPN"));
    }

    static UUID id(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw Problem.notFound("recipient " + value);
        }
    }
}

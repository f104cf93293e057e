package org.tcc.notification.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tcc.contracts.Country;
import org.tcc.contracts.Json;
import org.tcc.contracts.Roles;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.tcc.kit.rest.Cursor;
import org.tcc.kit.rest.Page;
import org.tcc.kit.rest.Query;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.tcc.kit.rest.Deprecations;
import org.tcc.notification.domain.ChainStep;
import org.tcc.notification.repository.DirectoryAuditEntry;
import org.tcc.notification.repository.DirectoryAuditRepository;
import org.tcc.notification.service.Access;

/**
 * The directory audit: every change to the recipients directory, oldest first, for the admins and auditors of the
 * country whose directory changed (a {@code trilateral} auditor or admin reads every country's).
 */
@Path("/api/v1/directory/audit")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryAuditResource {

    /** One change: {@code before} is null on CREATE; neither ever carries a webhook secret. */
    public record EntryView(long id, Instant at, String actor, Country actorCountry, List<String> actorRoles,
                            DirectoryAuditEntry.Action action, UUID recipientId, Country recipientCountry,
                            ChainStep chainStep, Object before, Object after) {
        static EntryView of(DirectoryAuditEntry e) {
            return new EntryView(e.id, e.at, e.actor, e.actorCountry,
                    e.actorRoles.isEmpty() ? List.of() : List.of(e.actorRoles.split(",")), e.action, e.recipientId,
                    e.recipientCountry, e.chainStep, e.before == null ? null : tree(e.before), tree(e.after));
        }

        private static Object tree(String json) {
            return Json.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    com.fasterxml.jackson.databind.JsonNode.class);
        }
    }

    /**
     * The deprecated {@code after} answer (API v1 only): a page of entries; {@code next} is the {@code after} value of
     * the following page.
     */
    @Schema(name = "DirectoryAuditPageV0", deprecated = true)
    public record PageV0(List<EntryView> entries, Long next) {
    }

    static final String LIST = "directory-audit";
    private static final Set<String> PARAMETERS = Query.listParameters("country", "recipientId", "recipient",
            "after");

    @Inject
    DirectoryAuditRepository audit;

    @Inject
    Access access;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @Transactional
    @Operation(summary = "Every directory change of the caller's country (every country's with trilateral), "
            + "oldest first, a page at a time")
    @APIResponse(responseCode = "200", description = "A page of changes; with the deprecated `after` (or "
            + "`recipient`) the old `{entries, next}` body, `Deprecation: true` and a `Link` to the new form")
    public RestResponse<Page<EntryView>> page(
            @Parameter(description = "Country (trilateral callers; others only their own)", schema = @Schema(
                    implementation = Country.class)) @QueryParam("country") String country,
            @Parameter(description = "Changes of this recipient") @QueryParam("recipientId") String recipientId,
            @Parameter(deprecated = true, description = "Deprecated (v1 only): use `recipientId`")
            @QueryParam("recipient") String recipient,
            @Parameter(deprecated = true, description = "Deprecated (v1 only): the id to continue after; use "
                    + "`cursor`", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("after") String after,
            @Parameter(description = "The `next` of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "200", defaultValue = "50")) @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        Query query = new Query(uri, PARAMETERS);
        if (query.has("recipient") && query.has("recipientId")) {
            throw Query.invalid("recipient", "is the deprecated name of recipientId; give one, not both");
        }
        UUID recipientFilter = query.uuid(query.has("recipient") ? "recipient" : "recipientId", "a recipient");
        Optional<Country> scope = access.readableCountry(query.country("country"));
        if (query.has("after") || query.has("recipient")) {
            if (query.has("after") && query.has(Query.CURSOR)) {
                throw Query.invalid("after", "is the deprecated form of cursor; give one, not both");
            }
            Long start = query.number("after", 0);
            Integer limitOld = query.integer(Query.LIMIT, 1, 500);
            int size = limitOld == null ? 100 : limitOld;
            long from = start == null ? 0 : start;
            List<DirectoryAuditEntry> rows = audit.page(scope, recipientFilter, from, size + 1);
            List<EntryView> entries = rows.stream().limit(size).map(EntryView::of).toList();
            PageV0 old = new PageV0(entries, rows.size() > size ? entries.get(entries.size() - 1).id() : null);
            return Deprecations.oldForm(old, Deprecations.successor(uri, new String[] {"after", "recipient"},
                    "recipientId", recipientFilter, Query.CURSOR, from == 0 ? null : Cursor.encode(LIST, from),
                    Query.LIMIT, Math.min(size, Query.MAX_LIMIT)));
        }
        int pageSize = query.limit();
        Cursor.Position at = query.cursor(LIST, 1);
        return RestResponse.ok(Page.of(audit.page(scope, recipientFilter, at == null ? 0 : at.number(0),
                pageSize + 1), pageSize, EntryView::of, e -> Cursor.encode(LIST, e.id)));
    }
}

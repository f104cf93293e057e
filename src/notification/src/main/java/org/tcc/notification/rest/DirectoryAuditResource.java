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
import org.tcc.kit.rest.Problem;
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

    /** A page of entries; {@code next} is the {@code after} value of the following page. */
    public record Page(List<EntryView> entries, Long next) {
    }

    @Inject
    DirectoryAuditRepository audit;

    @Inject
    Access access;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @Transactional
    public Page page(@QueryParam("country") String country, @QueryParam("recipient") String recipient,
                     @QueryParam("after") Long after, @QueryParam("limit") Integer limit) {
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > 500) {
            throw Problem.invalid("limit", "must be between 1 and 500");
        }
        UUID recipientId = null;
        if (recipient != null && !recipient.isBlank()) {
            try {
                recipientId = UUID.fromString(recipient);
            } catch (IllegalArgumentException e) {
                throw Problem.invalid("recipient", "must be a recipient id");
            }
        }
        List<DirectoryAuditEntry> rows = audit.page(access.readableCountry(RecipientResource.country(country)),
                recipientId, after == null ? 0 : after, size + 1);
        List<EntryView> entries = rows.stream().limit(size).map(EntryView::of).toList();
        return new Page(entries, rows.size() > size ? entries.get(entries.size() - 1).id() : null);
    }
}

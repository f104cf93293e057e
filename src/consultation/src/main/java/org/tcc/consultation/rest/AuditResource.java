package org.tcc.consultation.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import jakarta.ws.rs.core.UriInfo;
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
import org.tcc.consultation.config.CheckpointKeys;
import org.tcc.consultation.messaging.CheckpointLog;
import org.tcc.consultation.repository.AuditEntryEntity;
import org.tcc.consultation.repository.AuditRepository;
import org.tcc.consultation.service.AuditLog;
import org.tcc.consultation.service.ConsultationQueries;
import org.tcc.contracts.Country;
import org.tcc.contracts.Json;
import org.tcc.contracts.Roles;
import org.tcc.contracts.events.audit.AuditCheckpoint;
import org.tcc.kit.rest.Cursor;
import org.tcc.kit.rest.Deprecations;
import org.tcc.kit.rest.Page;
import org.tcc.kit.rest.Problem;
import org.tcc.kit.rest.ProblemResponses;
import org.tcc.kit.rest.ProblemType;
import org.tcc.kit.rest.Query;
import org.tcc.kit.security.Caller;

/**
 * The audit log, read-only, for auditors: the log with filters and pagination, one consultation's timeline, exports
 * as JSON Lines and CSV, and a verification of the hash chain. An auditor reads what their country may see: the
 * entries of the consultations it takes part in (a consultation's participants are the countries its alerts are
 * releasable to); only an auditor who also holds {@code trilateral} reads every entry and the chain's details.
 */
@Path("/api/v1/audit")
@Authenticated
public class AuditResource {

    public static final String NDJSON = "application/x-ndjson";
    public static final String CSV = "text/csv";
    private static final int EXPORT_BATCH = 1000;

    /**
     * The deprecated {@code after} answer (API v1 only): a page of entries in chain order; {@code next} is the
     * {@code after} value of the following page.
     */
    @Schema(deprecated = true)
    public record AuditPageV0(List<AuditEntryView> entries, Long next) {
    }

    static final String LOG = "audit-log";
    static final String CONSULTATION = "audit-consultation";
    private static final Set<String> LOG_PARAMETERS = Query.listParameters("from", "to", "country", "after");
    private static final Set<String> EXPORT_PARAMETERS = Set.of("format", "from", "to", "country", "consultationId",
            "consultation");

    @Inject
    AuditLog audit;

    @Inject
    ConsultationQueries consultations;

    @Inject
    CheckpointLog checkpointLog;

    @Inject
    CheckpointKeys keys;

    @Inject
    Caller caller;

    /** The country whose consultations the caller may read; null for a trilateral auditor (every country). */
    private Country readable() {
        return caller.hasRole(Roles.TRILATERAL) ? null : caller.requireCountry();
    }

    /**
     * The log, oldest first, a page at a time ({@code cursor}, {@code limit}); the query is read strictly.
     * {@code Accept: application/x-ndjson} or {@code text/csv} export every matching entry instead of one page.
     * {@code after} is the form before the list envelope, answered in its old shape (limit 1 to 1000, default 100)
     * with {@code Deprecation: true} for API v1 only.
     */
    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Path("log")
    @Produces({MediaType.APPLICATION_JSON, NDJSON, CSV})
    @Operation(summary = "The audit log, oldest first, a page at a time (or exported whole by `Accept`)")
    @APIResponse(responseCode = "200", description = "A page of entries; `Accept: application/x-ndjson` or "
            + "`text/csv` the whole export; with the deprecated `after` the old `{entries, next}` body, "
            + "`Deprecation: true` and a `Link` to the new form", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditLogPage.class)),
            @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response log(
            @Parameter(description = "Entries at or after this ISO-8601 UTC instant") @QueryParam("from") String from,
            @Parameter(description = "Entries before this ISO-8601 UTC instant") @QueryParam("to") String to,
            @Parameter(description = "Entries of this acting country", schema = @Schema(implementation =
                    Country.class)) @QueryParam("country") String country,
            @Parameter(description = "The `next` of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "200", defaultValue = "50")) @QueryParam("limit") String limit,
            @Parameter(deprecated = true, description = "Deprecated (v1 only): the seq to continue after; use "
                    + "`cursor`", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("after") String after,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        Query query = new Query(uri, LOG_PARAMETERS);
        AuditRepository.Filter filter = filter(query, null, readable());
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE) || accepted.isWildcardType()) {
                break;
            }
            if (accepted.isCompatible(MediaType.valueOf(NDJSON))) {
                return export(filter, "jsonl");
            }
            if (accepted.isCompatible(MediaType.valueOf(CSV))) {
                return export(filter, "csv");
            }
        }
        if (query.has("after")) {
            if (query.has(Query.CURSOR)) {
                throw Query.invalid("after", "is the deprecated form of cursor; give one, not both");
            }
            Long start = query.number("after", 0);
            Integer size = query.integer(Query.LIMIT, 1, 1000);
            int pageSize = size == null ? 100 : size;
            long from0 = start == null ? 0 : start;
            List<AuditEntryEntity> rows = audit.page(filter, from0, pageSize + 1);
            List<AuditEntryView> entries = rows.stream().limit(pageSize).map(AuditEntryView::of).toList();
            Long next = rows.size() > pageSize ? entries.get(entries.size() - 1).seq() : null;
            return Deprecations.oldForm(new AuditPageV0(entries, next), Deprecations.successor(uri,
                    new String[] {"after"}, Query.CURSOR, from0 == 0 ? null : Cursor.encode(LOG, from0),
                    Query.LIMIT, Math.min(pageSize, Query.MAX_LIMIT))).toResponse();
        }
        int pageSize = query.limit();
        Cursor.Position at = query.cursor(LOG, 1);
        Page<AuditEntryView> page = Page.of(audit.page(filter, at == null ? 0 : at.number(0), pageSize + 1),
                pageSize, AuditEntryView::of, e -> Cursor.encode(LOG, e.seq));
        return Response.ok(new AuditLogPage(page.items(), page.next()), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The list envelope of the log, named for the OpenAPI document (a {@link Page} of entries). */
    @Schema(name = "PageAuditEntryView")
    public record AuditLogPage(List<AuditEntryView> items,
                               @Schema(description = "The cursor of the next page; null on the last page",
                                       nullable = true) String next) {
    }

    /**
     * Every entry matching the filters as a download: {@code format=jsonl} (default) or {@code csv}.
     * {@code consultation} is the deprecated name of {@code consultationId} (API v1 only).
     */
    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Path("export")
    @Operation(summary = "Every entry matching the filters as JSON Lines (default) or CSV")
    @APIResponse(responseCode = "200", description = "The export as an attachment", content = {
            @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response export(
            @Parameter(description = "jsonl (default) or csv", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"jsonl", "csv"})) @QueryParam("format") String format,
            @Parameter(description = "Entries at or after this ISO-8601 UTC instant") @QueryParam("from") String from,
            @Parameter(description = "Entries before this ISO-8601 UTC instant") @QueryParam("to") String to,
            @Parameter(description = "Entries of this acting country", schema = @Schema(implementation =
                    Country.class)) @QueryParam("country") String country,
            @Parameter(description = "Entries of this consultation") @QueryParam("consultationId")
            String consultationId,
            @Parameter(deprecated = true, description = "Deprecated (v1 only): use `consultationId`")
            @QueryParam("consultation") String consultation,
            @Context UriInfo uri) {
        Query query = new Query(uri, EXPORT_PARAMETERS);
        if (query.has("consultation") && query.has("consultationId")) {
            throw Query.invalid("consultation", "is the deprecated name of consultationId; give one, not both");
        }
        String named = query.has("consultation") ? "consultation" : "consultationId";
        UUID id = query.uuid(named, "a consultation");
        String f = query.text("format");
        Response export = export(filter(query, id, readable()), f == null ? "jsonl" : f);
        if (query.has("consultation")) {
            return Response.fromResponse(export).header(Deprecations.DEPRECATION, "true")
                    .header(Deprecations.LINK, "<" + Deprecations.successor(uri, new String[] {"consultation"},
                            "consultationId", query.text("consultation")) + ">; rel=\"successor-version\"").build();
        }
        return export;
    }

    /** One consultation's timeline: every action on it, oldest first, a page at a time. */
    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Path("consultations/{consultationId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One consultation's audit entries, oldest first, a page at a time")
    public Page<AuditEntryView> consultation(
            @PathParam("consultationId") String id,
            @Parameter(description = "The `next` of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "200", defaultValue = "50")) @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        UUID consultationId = parseId(id);
        Query query = new Query(uri, Query.listParameters());
        int pageSize = query.limit();
        Cursor.Position at = query.cursor(CONSULTATION, 1);
        Country readable = readable();
        // a consultation the caller's country is not part of does not exist for them (the same 404 as a missing one)
        boolean found = readable == null ? consultations.exists(consultationId)
                : consultations.visible(consultationId, readable);
        if (!found) {
            throw Problem.notFound("consultation " + id);
        }
        return Page.of(consultations.timeline(consultationId, at == null ? 0 : at.number(0), pageSize + 1),
                pageSize, AuditEntryView::of, e -> Cursor.encode(CONSULTATION, e.seq));
    }

    /**
     * Proves the chain intact and matching every signed checkpoint Kafka keeps, or names the first entry that breaks
     * it and the checkpoint it contradicts. 503 when the checkpoints cannot be read (no verdict without the anchor).
     * The chain holds every country's entries, so its details (head, the broken entry) are for a trilateral auditor;
     * any other auditor gets the verdict alone, {@code {"intact": …}}, and verifies their own export offline
     * against the checkpoints.
     */
    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    @Extension(name = ProblemResponses.EXTENSION, value = "unavailable")
    public Response verify() {
        Country readable = readable();
        AuditLog.Verification verification;
        try {
            verification = audit.verify();
        } catch (CheckpointLog.Unavailable e) {
            throw unavailable(e);
        }
        if (readable == null) {
            return Response.ok(verification).build();
        }
        return Response.ok(java.util.Map.of("intact", verification.intact())).build();
    }

    /**
     * The signed checkpoints as Kafka keeps them, one JSON object per line in publication order: with a full export
     * and the checkpoint public key, {@code ./tcc audit-verify} checks the log offline (docs/consultation.md).
     */
    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Path("checkpoints")
    @Operation(summary = "The signed checkpoints as Kafka keeps them, JSON Lines in publication order")
    @APIResponse(responseCode = "200", description = "The checkpoints as an attachment", content =
            @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING)))
    @Extension(name = ProblemResponses.EXTENSION, value = "unavailable")
    public Response checkpoints() {
        CheckpointLog.Contents contents;
        try {
            contents = checkpointLog.readAll();
        } catch (CheckpointLog.Unavailable e) {
            throw unavailable(e);
        }
        StringBuilder out = new StringBuilder();
        for (AuditCheckpoint c : contents.checkpoints()) {
            out.append(new String(Json.toBytes(c), StandardCharsets.UTF_8)).append('\n');
        }
        return Response.ok(out.toString(), NDJSON)
                .header("Content-Disposition", "attachment; filename=\"audit-checkpoints.jsonl\"").build();
    }

    /**
     * The public half of the checkpoint signing key as a JWK. For convenience only: an auditor verifying offline
     * takes the key (or at least its {@code kid}, the RFC 7638 thumbprint) from the deployment's records, not from
     * the service whose log is in question.
     */
    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Path("checkpoint-key")
    @Produces(MediaType.APPLICATION_JSON)
    public String checkpointKey() {
        return keys.publicJwk();
    }

    private static Problem unavailable(CheckpointLog.Unavailable e) {
        return new Problem(ProblemType.UNAVAILABLE, "Audit checkpoints unavailable",
                "the signed checkpoints could not be read from Kafka, so the chain cannot be verified now: "
                        + e.getMessage(), null, null);
    }

    private Response export(AuditRepository.Filter filter, String format) {
        boolean csv = switch (format) {
            case "csv" -> true;
            case "jsonl", "ndjson" -> false;
            default -> throw Query.invalid("format", "'" + format + "' is not one of jsonl, csv");
        };
        StringBuilder out = new StringBuilder();
        if (csv) {
            out.append(AuditExport.CSV_HEADER).append("\r\n");
        }
        long after = 0;
        while (true) {
            List<AuditEntryEntity> batch = audit.page(filter, after, EXPORT_BATCH);
            for (AuditEntryEntity e : batch) {
                AuditEntryView view = AuditEntryView.of(e);
                out.append(csv ? AuditExport.csvRow(view) + "\r\n" : AuditExport.jsonLine(view) + "\n");
                after = e.seq;
            }
            if (batch.size() < EXPORT_BATCH) {
                break;
            }
        }
        return Response.ok(out.toString(), csv ? CSV + ";charset=UTF-8" : NDJSON)
                .header("Content-Disposition", "attachment; filename=\"audit-log." + (csv ? "csv" : "jsonl") + "\"")
                .build();
    }

    private static AuditRepository.Filter filter(Query query, UUID consultation, Country visibleTo) {
        Country country = query.country("country");
        return new AuditRepository.Filter(query.instant("from"), query.instant("to"),
                country == null ? null : country.name(), consultation, visibleTo);
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Problem.notFound("consultation " + id);
        }
    }
}

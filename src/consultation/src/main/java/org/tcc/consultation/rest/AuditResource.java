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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
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
import org.tcc.kit.rest.Problem;
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

    /** A page of entries in chain order; {@code next} is the {@code after} value of the following page. */
    public record AuditPage(List<AuditEntryView> entries, Long next) {
    }

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
     * The log, oldest first. {@code Accept: application/x-ndjson} or {@code text/csv} export every matching entry
     * instead of one page.
     */
    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Path("log")
    @Produces({MediaType.APPLICATION_JSON, NDJSON, CSV})
    public Response log(@QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("country") String country, @QueryParam("after") Long after,
                        @QueryParam("limit") Integer limit, @Context HttpHeaders headers) {
        AuditRepository.Filter filter = filter(from, to, country, null, readable());
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
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > 1000) {
            throw Problem.invalid("limit", "must be between 1 and 1000");
        }
        long start = after == null ? 0 : after;
        List<AuditEntryEntity> page = audit.page(filter, start, size + 1);
        List<AuditEntryView> entries = page.stream().limit(size).map(AuditEntryView::of).toList();
        Long next = page.size() > size ? entries.get(entries.size() - 1).seq() : null;
        return Response.ok(new AuditPage(entries, next), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Every entry matching the filters as a download: {@code format=jsonl} (default) or {@code csv}. */
    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Path("export")
    public Response export(@QueryParam("format") String format, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("country") String country,
                           @QueryParam("consultation") String consultation) {
        UUID consultationId = consultation == null ? null : parseId(consultation);
        return export(filter(from, to, country, consultationId, readable()), format == null ? "jsonl" : format);
    }

    /** One consultation's timeline: every action on it, oldest first. */
    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Path("consultations/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public List<AuditEntryView> consultation(@PathParam("id") String id) {
        UUID consultationId = parseId(id);
        Country readable = readable();
        // a consultation the caller's country is not part of does not exist for them (the same 404 as a missing one)
        boolean found = readable == null ? consultations.exists(consultationId)
                : consultations.visible(consultationId, readable);
        if (!found) {
            throw Problem.notFound("consultation " + id);
        }
        return consultations.timeline(consultationId).stream().map(AuditEntryView::of).toList();
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
        return new Problem(503, "Audit checkpoints unavailable",
                "the signed checkpoints could not be read from Kafka, so the chain cannot be verified now: "
                        + e.getMessage(), null, null);
    }

    private Response export(AuditRepository.Filter filter, String format) {
        boolean csv = switch (format) {
            case "csv" -> true;
            case "jsonl", "ndjson" -> false;
            default -> throw Problem.invalid("format", "must be jsonl or csv");
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

    private static AuditRepository.Filter filter(String from, String to, String country, UUID consultation,
                                                 Country visibleTo) {
        String c = null;
        if (country != null && !country.isBlank()) {
            c = Country.parse(country).map(Enum::name)
                    .orElseThrow(() -> Problem.invalid("country", "must be one of USA, KOR, JPN"));
        }
        return new AuditRepository.Filter(instant("from", from), instant("to", to), c, consultation, visibleTo);
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Problem.invalid(field, "must be an ISO-8601 UTC instant such as 2026-11-29T12:00:00Z");
        }
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Problem.notFound("consultation " + id);
        }
    }
}

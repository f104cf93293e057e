package org.tcc.kit.rest;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue of problem kinds every TCC service answers with: one {@code type} URI per kind of problem,
 * {@code urn:tcc:problem:<kind>}, so a client branches on the kind rather than on the status or the detail text.
 * docs/api.md#problems lists the same table; {@link ProblemResponses} documents them in each service's OpenAPI.
 */
public enum ProblemType {

    INVALID_QUERY(400, "invalid-query", "Invalid query parameter",
            "A query parameter is unknown, given twice or outside its values, or a cursor is not one this API "
                    + "returned; `errors[].field` names the parameter.",
            "limit: '500' is not a whole number between 1 and 200"),
    MALFORMED_BODY(400, "malformed-body", "Malformed request body",
            "The body cannot be read at all: not JSON, not well-formed XML, or XML with a DOCTYPE or XInclude.",
            "Unexpected end-of-input: expected close marker for Object"),
    UNAUTHENTICATED(401, "unauthenticated", "Unauthenticated",
            "No bearer token, or one that is expired, not signed by the realm or not for this API "
                    + "(`WWW-Authenticate: Bearer`).",
            "a valid bearer token is required"),
    INVALID_SIGNATURE(401, "invalid-signature", "Report not authentic",
            "A sensor report's `TCC-Signature` is missing, malformed, from an unknown key or does not verify.",
            "the signature does not verify with the key of sensor us-sbirs-1"),
    FORBIDDEN(403, "forbidden", "Forbidden",
            "The caller's roles or country do not allow the action (acting for another country, changing "
                    + "another country's alert, the escalation chain for a liaison).",
            "a liaison of KOR cannot act for JPN"),
    NOT_FOUND(404, "not-found", "Not found",
            "No such resource, or one the caller's country may not see (the same answer, so existence does not "
                    + "leak); also a path no endpoint serves.",
            "alert 3f7c6b1e-0000-4000-8000-000000000000 not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed",
            "The path exists but not with this HTTP method.",
            "DELETE is not allowed on /api/v1/alerts"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable",
            "None of the media types in `Accept` can be produced by the endpoint.",
            "HTTP 406 Not Acceptable"),
    CONFLICT(409, "conflict", "Conflict",
            "The action does not fit the resource's current state (a consultation phase, a recipient name already "
                    + "taken) or lost to a concurrent change three times; `currentState` names the state where "
                    + "one exists. Reload and retry.",
            "the consultation was changed concurrently; reload it and retry"),
    NOT_ACTIVE(409, "not-active", "Alert not active",
            "The alert is cancelled or resolved, so it can no longer be updated, cancelled or resolved; "
                    + "`currentState` names its lifecycle.",
            "the alert is CANCELLED and can no longer change"),
    IDEMPOTENCY_IN_PROGRESS(409, "idempotency-in-progress", "Request with this Idempotency-Key in progress",
            "Another request with the same `Idempotency-Key` is still being processed; retry and get its answer.",
            "a request with this Idempotency-Key is still being processed; retry it once that one has completed"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large",
            "The body exceeds the service's limit (1 MiB) or a sensor report exceeds its own.",
            "the request body exceeds the limit of 1048576 bytes"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type",
            "The body's `Content-Type` is not one the endpoint reads.",
            "HTTP 415 Unsupported Media Type"),
    VALIDATION(422, "validation", "Invalid request",
            "The body is readable but fields are invalid; `errors[]` names each field and says why.",
            "headline: must not be blank"),
    RATE_LIMITED(429, "rate-limited", "Too many requests",
            "The caller holds as many of something as it may (open notification streams per user).",
            "us-liaison already holds 5 open notification streams (at most 5)"),
    UNAVAILABLE(503, "unavailable", "Service unavailable",
            "A dependency the answer needs cannot be reached now (the audit checkpoints in Kafka); retry later.",
            "the signed checkpoints could not be read from Kafka, so the chain cannot be verified now");

    /** The {@code type} prefix; a kind's URI is this followed by {@link #kind()}. */
    public static final String URN_PREFIX = "urn:tcc:problem:";

    private final int status;
    private final String kind;
    private final String title;
    private final String meaning;
    private final String exampleDetail;

    ProblemType(int status, String kind, String title, String meaning, String exampleDetail) {
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.meaning = meaning;
        this.exampleDetail = exampleDetail;
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public String uri() {
        return URN_PREFIX + kind;
    }

    public String title() {
        return title;
    }

    public String meaning() {
        return meaning;
    }

    public String exampleDetail() {
        return exampleDetail;
    }

    public static Optional<ProblemType> ofKind(String kind) {
        return Arrays.stream(values()).filter(t -> t.kind.equals(kind)).findFirst();
    }

    /** The kinds a status stands for; the first is the one a bare status (from the HTTP layer) is given. */
    public static List<ProblemType> ofStatus(int status) {
        return Arrays.stream(values()).filter(t -> t.status == status).toList();
    }
}

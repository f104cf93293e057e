package org.tcc.kit.rest;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem: thrown anywhere in a request, written as {@code application/problem+json} by
 * {@link ProblemMappers}. Its {@link ProblemType} gives the {@code type} URI and the status; {@code errors} names
 * each invalid field or parameter; {@code extensions} adds members such as the current state of a resource in a 409.
 */
public class Problem extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final ProblemType type;
    private final int status;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public Problem(ProblemType type, String title, String detail, List<FieldError> errors,
                   Map<String, Object> extensions) {
        this(type, type.status(), title, detail, errors, extensions);
    }

    public Problem(ProblemType type, String detail) {
        this(type, type.title(), detail, null, null);
    }

    /** A status no kind of the catalogue stands for (an HTTP-layer answer): {@code type} is {@code about:blank}. */
    static Problem ofStatus(int status, String title, String detail) {
        List<ProblemType> kinds = ProblemType.ofStatus(status);
        return kinds.isEmpty() ? new Problem(null, status, title, detail, null, null)
                : new Problem(kinds.get(0), kinds.get(0).title(), detail, null, null);
    }

    private Problem(ProblemType type, int status, String title, String detail, List<FieldError> errors,
                    Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.type = type;
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    /** 422 {@code validation}: one field of the body is invalid. */
    public static Problem invalid(String field, String message) {
        return new Problem(ProblemType.VALIDATION, ProblemType.VALIDATION.title(), field + ": " + message,
                List.of(new FieldError(field, message)), null);
    }

    /** 422 {@code validation}: these fields of the body are invalid. */
    public static Problem invalid(List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        return new Problem(ProblemType.VALIDATION, ProblemType.VALIDATION.title(), detail, errors, null);
    }

    /** 400 {@code invalid-query}: a query parameter is unknown, repeated or out of its values. */
    public static Problem invalidQuery(String parameter, String message) {
        return new Problem(ProblemType.INVALID_QUERY, ProblemType.INVALID_QUERY.title(), parameter + ": " + message,
                List.of(new FieldError(parameter, message)), null);
    }

    /** 400 {@code malformed-body}. */
    public static Problem malformed(String title, String detail) {
        return new Problem(ProblemType.MALFORMED_BODY, title, detail, null, null);
    }

    public static Problem notFound(String what) {
        return new Problem(ProblemType.NOT_FOUND, what + " not found");
    }

    public static Problem forbidden(String detail) {
        return new Problem(ProblemType.FORBIDDEN, detail);
    }

    public static Problem unauthorized(String detail) {
        return new Problem(ProblemType.UNAUTHENTICATED, detail);
    }

    /** 409 {@code conflict}; {@code extensions} such as {@code currentState}. */
    public static Problem conflict(String detail, Map<String, Object> extensions) {
        return new Problem(ProblemType.CONFLICT, ProblemType.CONFLICT.title(), detail, null, extensions);
    }

    /** 409 of a more precise kind ({@code not-active}, {@code idempotency-in-progress}). */
    public static Problem conflict(ProblemType kind, String detail, Map<String, Object> extensions) {
        return new Problem(kind, kind.title(), detail, null, extensions);
    }

    /** 429 {@code rate-limited}: the caller holds as many of something (open streams) as it may. */
    public static Problem tooManyRequests(String detail) {
        return new Problem(ProblemType.RATE_LIMITED, detail);
    }

    /** The kind, or null for a status outside the catalogue ({@code about:blank}). */
    public ProblemType type() {
        return type;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}

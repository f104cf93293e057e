package org.tcc.kit.rest;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem: thrown anywhere in a request, written as {@code application/problem+json} by
 * {@link ProblemMappers}. {@code errors} names each invalid field; {@code extensions} adds members such as the
 * current state of a resource in a 409.
 */
public class Problem extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public Problem(int status, String title, String detail, List<FieldError> errors, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static Problem invalid(String field, String message) {
        return new Problem(422, "Invalid request", field + ": " + message, List.of(new FieldError(field, message)),
                null);
    }

    public static Problem invalid(List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        return new Problem(422, "Invalid request", detail, errors, null);
    }

    public static Problem notFound(String what) {
        return new Problem(404, "Not found", what + " not found", null, null);
    }

    public static Problem forbidden(String detail) {
        return new Problem(403, "Forbidden", detail, null, null);
    }

    public static Problem unauthorized(String detail) {
        return new Problem(401, "Unauthorized", detail, null, null);
    }

    public static Problem conflict(String detail, Map<String, Object> extensions) {
        return new Problem(409, "Conflict", detail, null, extensions);
    }

    /** 429: the caller holds as many of something (open streams) as it may. */
    public static Problem tooManyRequests(String detail) {
        return new Problem(429, "Too many requests", detail, null, null);
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

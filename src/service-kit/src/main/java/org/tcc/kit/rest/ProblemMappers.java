package org.tcc.kit.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure of a request into an RFC 9457 {@code application/problem+json} response whose {@code type} is
 * the kind's {@code urn:tcc:problem:<kind>} ({@link ProblemType}).
 */
public class ProblemMappers {

    public static final String PROBLEM_JSON = "application/problem+json";

    @ServerExceptionMapper
    public Response problem(Problem problem) {
        return respond(problem);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        return respond(Problem.invalid(errors));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return respond(Problem.invalid(field, "cannot be read: " + firstLine(e.getOriginalMessage())));
        }
        return respond(Problem.malformed("Malformed request body", firstLine(e.getOriginalMessage())));
    }

    /** More specific than Quarkus' own mapper for it, so a wrong enum value or type is a 422 naming the field. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.forbidden("the caller's roles do not allow this action"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable);
        }
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        // RESTEasy's own 400s are about the body it could not read (query parameters are read by Query)
        Problem problem = status == 400 ? Problem.malformed("Malformed request", e.getMessage())
                : Problem.ofStatus(status, title, e.getMessage());
        return respond(problem);
    }

    private static Response unauthorized() {
        return Response.fromResponse(respond(Problem.unauthorized("a valid bearer token is required")))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(body(problem)).build();
    }

    public static Map<String, Object> body(Problem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type() == null ? "about:blank" : problem.type().uri());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.getMessage());
        if (!problem.errors().isEmpty()) {
            body.put("errors", problem.errors());
        }
        problem.extensions().forEach(body::putIfAbsent);
        return body;
    }

    /** {@code raise.body.releasableTo[0]} becomes {@code releasableTo[0]}: the method and parameter are noise. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String parameter = null;
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY, BEAN -> {
                    if (node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                    if (node.getName() != null) {
                        field.append(field.length() == 0 ? "" : ".").append(node.getName());
                    }
                }
                case CONTAINER_ELEMENT -> {
                    if (node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                }
                default -> {
                }
            }
        }
        return field.length() > 0 ? field.toString() : parameter;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

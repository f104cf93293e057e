package org.tcc.kit.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The answers the HTTP layer gives before a request reaches a resource are problems too: a body over the limit
 * (413), a path no resource serves (404), a method it does not allow (405). Without this, Vert.x answers them with
 * an empty or plain-text body, which a client cannot tell from a proxy's page.
 */
@ApplicationScoped
public class HttpEdges {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        // Quarkus refuses a declared oversized body itself at route order -2, with an empty 413: this runs first
        long limit = maxBodySize.asLongValue();
        router.route().order(-3).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && declaredLength(length) > limit) {
                answer(ctx, tooLarge(limit));
            } else {
                ctx.next();
            }
        });
        // a body without a declared length that grows over the limit while it is read
        router.errorHandler(413, ctx -> answer(ctx, tooLarge(limit)));
        router.errorHandler(404, ctx -> answer(ctx, Problem.notFound("resource " + ctx.request().path())));
        router.errorHandler(405, ctx -> answer(ctx, new Problem(ProblemType.METHOD_NOT_ALLOWED,
                ctx.request().method() + " is not allowed on " + ctx.request().path())));
    }

    private static Problem tooLarge(long limit) {
        return new Problem(ProblemType.PAYLOAD_TOO_LARGE, "the request body exceeds the limit of " + limit
                + " bytes");
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void answer(RoutingContext ctx, Problem problem) {
        if (ctx.response().headWritten()) {
            ctx.response().end();
            return;
        }
        String body;
        try {
            body = JSON.writeValueAsString(ProblemMappers.body(problem));
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + problem.status() + "}";
        }
        ctx.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMappers.PROBLEM_JSON);
        if (problem.status() != 413) {
            ctx.response().end(body);
            return;
        }
        // the rest of an oversized body is not read: the connection cannot carry another request
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        ctx.response().end(body).onComplete(done -> ctx.request().connection().close());
    }
}

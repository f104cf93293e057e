package org.tcc.console.proxy;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jboss.logging.Logger;
import org.tcc.console.config.ConsoleConfig;
import org.tcc.console.security.SameOriginGuard;

/**
 * The backend-for-frontend's proxy: {@code /api/<service>/**} to the service with the signed-in user's access token
 * as {@code Authorization: Bearer}. The token never reaches the page (it lives in the encrypted, HttpOnly session
 * cookie that quarkus-oidc keeps and refreshes). Responses are streamed as they arrive, so the notification service's
 * Server-Sent Events pass through unbuffered; {@code Last-Event-ID} is passed on for the stream's replay.
 */
@ApplicationScoped
public class ApiProxy {

    private static final Logger LOG = Logger.getLogger(ApiProxy.class);

    /** Request headers passed on to the service; everything else (cookies above all) stays at the console. */
    static final Set<String> REQUEST_HEADERS = Set.of("accept", "accept-language", "content-type", "idempotency-key",
            "last-event-id", "if-match", "if-none-match", "traceparent", "tracestate");

    /** Response headers passed back; the services' own security headers are replaced by the console's. */
    static final Set<String> RESPONSE_HEADERS = Set.of("content-type", "location", "deprecation", "sunset", "link",
            "retry-after", "etag", "content-disposition", "last-modified");

    /** The largest request body the console forwards (the services' own limit is 1 MB). */
    static final long MAX_BODY = 1024 * 1024;

    private final List<Upstream> upstreams;
    private final ConsoleConfig config;
    private final SameOriginGuard guard;
    private final HttpClient client;

    ApiProxy(ConsoleConfig config, SameOriginGuard guard, Vertx vertx) {
        this.config = config;
        this.guard = guard;
        this.upstreams = Upstream.of(config);
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(32)
                .setIdleTimeout(0).setConnectTimeout(5000).setTryUseCompression(false));
    }

    void routes(@Observes Router router) {
        for (Upstream upstream : upstreams) {
            // Vert.x wants the body handler first; a refused request's body is read (1 MB at most) and dropped
            router.route(upstream.prefix() + "/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY))
                    .handler(guard)
                    .handler(rc -> forward(rc, upstream));
        }
    }

    private void forward(RoutingContext rc, Upstream upstream) {
        String target = upstream.target(rc.normalizedPath(), rc.request().query()).orElse(null);
        if (target == null) {
            Problems.send(rc, 404, "not-found", "Not found", "no such API path: " + rc.normalizedPath());
            return;
        }
        String token = accessToken(rc);
        if (token == null) {
            Problems.send(rc, 401, "unauthenticated", "Not signed in", "sign in to the console first");
            return;
        }
        RequestOptions options = new RequestOptions().setMethod(rc.request().method()).setAbsoluteURI(target)
                .setFollowRedirects(false);
        boolean stream = isEventStream(rc.request().getHeader("Accept"));
        if (!stream) {
            options.setIdleTimeout(config.upstreamTimeout().toMillis());
        }
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        rc.request().headers().forEach(h -> {
            if (REQUEST_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                headers.add(h.getKey(), h.getValue());
            }
        });
        headers.set("Authorization", "Bearer " + token);
        headers.set("X-Forwarded-For", rc.request().remoteAddress() == null ? "" : rc.request().remoteAddress().host());
        options.setHeaders(headers);
        Buffer body = rc.body() == null ? null : rc.body().buffer();
        client.request(options).onSuccess(request -> {
            rc.response().closeHandler(v -> request.reset());
            request.response().onSuccess(response -> relay(rc, upstream, response, stream))
                    .onFailure(e -> unavailable(rc, upstream, e));
            if (body != null && body.length() > 0) {
                request.end(body);
            } else {
                request.end();
            }
        }).onFailure(e -> unavailable(rc, upstream, e));
    }

    private void relay(RoutingContext rc, Upstream upstream, HttpClientResponse response, boolean requestedStream) {
        HttpServerResponse out = rc.response();
        if (out.ended() || out.closed()) {
            response.request().reset();
            return;
        }
        out.setStatusCode(response.statusCode());
        response.headers().forEach(h -> {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (RESPONSE_HEADERS.contains(name)) {
                out.headers().add(h.getKey(), name.equals("location") ? upstream.rewriteLocation(h.getValue())
                        : h.getValue());
            }
        });
        boolean eventStream = isEventStream(response.getHeader("Content-Type"));
        if (eventStream) {
            // every event reaches the page as soon as the service wrote it
            out.setChunked(true);
            out.putHeader("Cache-Control", "no-store");
            out.putHeader("X-Accel-Buffering", "no");
        } else if (response.getHeader("Content-Length") != null) {
            out.putHeader("Content-Length", response.getHeader("Content-Length"));
        } else {
            out.setChunked(true);
        }
        response.pipeTo(out).onFailure(e -> {
            if (!requestedStream) {
                LOG.debugf("relaying %s failed: %s", rc.normalizedPath(), e.toString());
            }
        });
    }

    private void unavailable(RoutingContext rc, Upstream upstream, Throwable e) {
        LOG.warnf("%s unreachable at %s: %s", upstream.prefix(), upstream.base(), e.toString());
        if (!rc.response().headWritten()) {
            boolean timeout = e instanceof java.util.concurrent.TimeoutException
                    || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("timeout");
            Problems.send(rc, timeout ? 504 : 502, "unavailable", "Service unavailable",
                    upstream.prefix().substring("/api/".length()) + " service did not answer");
        } else {
            rc.response().reset();
        }
    }

    static boolean isEventStream(String mediaType) {
        return mediaType != null && mediaType.toLowerCase(Locale.ROOT).contains("text/event-stream");
    }

    private static String accessToken(RoutingContext rc) {
        if (!(rc.user() instanceof QuarkusHttpUser user)) {
            return null;
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        return credential == null ? null : credential.getToken();
    }
}

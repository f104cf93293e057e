package org.tcc.console.security;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tcc.console.config.ConsoleConfig;
import org.tcc.console.proxy.Problems;

/**
 * Cross-site request forgery check of every state-changing request (POST, PUT, PATCH, DELETE): the session cookie is
 * SameSite=Strict already, and on top of that the request must say it comes from the console's own page. Two
 * independent proofs, both required: the {@code Origin} header (browsers send it on every such request and a page
 * cannot forge it) names an allowed origin, and the custom header {@code X-Requested-With: JavaScript} is present
 * (an HTML form cannot set it, and a cross-origin script could only with a CORS preflight the console never grants).
 * A refused request is a 403 problem and never reaches a service.
 */
@ApplicationScoped
public class SameOriginGuard implements Handler<RoutingContext> {

    public static final String MARKER_HEADER = "X-Requested-With";
    public static final String MARKER_VALUE = "JavaScript";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final List<String> allowed;

    SameOriginGuard(ConsoleConfig config) {
        this.allowed = config.allowedOrigins().orElse(List.of()).stream().map(SameOriginGuard::normalise).toList();
    }

    @Override
    public void handle(RoutingContext rc) {
        String refusal = refusal(rc.request());
        if (refusal == null) {
            rc.next();
        } else {
            Problems.send(rc, 403, "forbidden", "Cross-origin request refused", refusal);
        }
    }

    /** Why the request is refused, or null if it may pass. */
    String refusal(HttpServerRequest request) {
        if (SAFE.contains(request.method())) {
            return null;
        }
        String origin = request.getHeader("Origin");
        if (origin == null || origin.isBlank()) {
            return "a state-changing request must carry the Origin header of the console's page";
        }
        if (!originAllowed(normalise(origin), request)) {
            return "origin " + origin + " is not the console's";
        }
        if (!MARKER_VALUE.equalsIgnoreCase(request.getHeader(MARKER_HEADER))) {
            return "a state-changing request must carry " + MARKER_HEADER + ": " + MARKER_VALUE;
        }
        return null;
    }

    /** Whether the request carries the {@code Origin} of the console's page. */
    boolean originAllowed(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        return origin != null && !origin.isBlank() && originAllowed(normalise(origin), request);
    }

    private boolean originAllowed(String origin, HttpServerRequest request) {
        if (!allowed.isEmpty()) {
            return allowed.contains(origin);
        }
        String host = request.getHeader("Host");
        if (host == null && request.authority() != null) {
            host = request.authority().host() + (request.authority().port() >= 0 ? ":" + request.authority().port() : "");
        }
        return host != null && origin.equals(normalise(request.scheme() + "://" + host));
    }

    /** scheme://host[:port], lower case, default ports dropped. */
    static String normalise(String origin) {
        try {
            URI uri = URI.create(origin.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                    || (scheme.equals("https") && port == 443);
            return scheme + "://" + host + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return "invalid:" + origin;
        }
    }
}

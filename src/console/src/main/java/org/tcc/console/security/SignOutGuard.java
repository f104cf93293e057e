package org.tcc.console.security;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.tcc.console.proxy.Problems;

/**
 * Sign-out is a POST from the console's own page. The OIDC extension would end the session on any request to its
 * logout path; this route, ahead of sign-in handling, answers every other method 405 (a prefetched or embedded link
 * signs nobody out) and lets a POST through only with the console's {@code Origin} (the sign-out form sends it; a
 * form cannot add {@code X-Requested-With}, so the API's second proof is not asked for here). A browser sends a form
 * POST's {@code Origin} only when the page's referrer policy allows it ({@code same-origin}, {@link SecurityHeaders}).
 */
@ApplicationScoped
public class SignOutGuard {

    public static final String PATH = "/logout";

    private final SameOriginGuard origins;

    SignOutGuard(SameOriginGuard origins) {
        this.origins = origins;
    }

    void install(@Observes Router router) {
        router.route(PATH).order(Integer.MIN_VALUE + 1).handler(rc -> {
            if (rc.request().method() != HttpMethod.POST) {
                rc.response().putHeader("Allow", "POST");
                Problems.send(rc, 405, "method-not-allowed", "Sign out with POST",
                        "sign out with the console's Sign out button (a POST to " + PATH + ")");
            } else if (!origins.originAllowed(rc.request())) {
                Problems.send(rc, 403, "forbidden", "Cross-origin request refused",
                        "a sign-out must come from the console's own page (Origin)");
            } else {
                rc.next();
            }
        });
    }
}

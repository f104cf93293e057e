package org.tcc.console.security;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's security headers on every response, pages, API relays and errors alike. The Content-Security-Policy
 * allows nothing but the console's own origin: no inline script except the page's import map, allowed by its
 * SHA-256 (computed here from the page itself, so it can never drift from what is served), no inline style, no
 * framing, no plug-ins; connections (fetch, the live stream) only to the console itself. Forms post to the console
 * only; the sign-out form's redirect to Keycloak's end-session endpoint is allowed by the issuer's origin (browsers
 * check {@code form-action} along a form's redirects).
 */
@ApplicationScoped
public class SecurityHeaders {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script type=\"importmap\">(.*?)</script>",
            Pattern.DOTALL);

    private final String policy;

    SecurityHeaders(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer) {
        this.policy = policy(inlineScriptHashes("META-INF/resources/index.html"), origin(issuer));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            rc.addHeadersEndHandler(v -> {
                var headers = rc.response().headers();
                headers.set("Content-Security-Policy", policy);
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("X-Frame-Options", "DENY");
                // no referrer to any other origin; same-origin requests keep theirs, and with it their Origin header:
                // under no-referrer a browser sends "Origin: null" on a form POST, and the sign-out form could not
                // prove it comes from the console (SignOutGuard)
                headers.set("Referrer-Policy", "same-origin");
                headers.set("Cross-Origin-Opener-Policy", "same-origin");
                headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
                if (!headers.contains("Cache-Control")) {
                    // the pages and modules change with each release; an old module beside a new one breaks
                    headers.set("Cache-Control", "no-cache");
                }
            });
            rc.next();
        });
    }

    public String policy() {
        return policy;
    }

    /** scheme://host[:port] of a URL. */
    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    static String policy(List<String> scriptHashes, String signInOrigin) {
        StringBuilder scripts = new StringBuilder("'self'");
        scriptHashes.forEach(h -> scripts.append(" 'sha256-").append(h).append('\''));
        return "default-src 'self'; script-src " + scripts + "; style-src 'self'; img-src 'self' data:;"
                + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
                + " form-action 'self' " + signInOrigin + "; frame-ancestors 'none'";
    }

    /** Base64 SHA-256 of each import map in the page (the only inline scripts the policy allows). */
    static List<String> inlineScriptHashes(String resource) {
        List<String> hashes = new ArrayList<>();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return hashes;
            }
            Matcher m = INLINE_SCRIPT.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            while (m.find()) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(m.group(1).getBytes(StandardCharsets.UTF_8));
                hashes.add(Base64.getEncoder().encodeToString(digest));
            }
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e, e);
        }
        return hashes;
    }
}

package org.tcc.notification.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which webhook endpoints may be registered: absolute {@code https} URLs; plain {@code http} only to the local
 * machine, and only where the deployment allows it (tests and the local stack).
 */
public final class WebhookUrls {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private WebhookUrls() {
    }

    /** Why {@code url} is not acceptable, or empty when it is. */
    public static Optional<String> problem(String url, boolean allowPlainHttpToLocalhost) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null) {
            return Optional.of("must be an absolute URL with a host");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        if (scheme.equals("https")) {
            return Optional.empty();
        }
        if (scheme.equals("http") && allowPlainHttpToLocalhost
                && LOCAL_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(allowPlainHttpToLocalhost ? "must use https (plain http only to localhost)"
                : "must use https");
    }
}

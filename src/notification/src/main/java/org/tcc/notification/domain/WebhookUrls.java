package org.tcc.notification.domain;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which webhook endpoints may be registered: absolute {@code https} URLs without credentials; plain {@code http} only
 * to the local machine, and only where the deployment allows it (tests and the local stack). A URL whose host is an
 * IP address must name an address the {@link WebhookTargets.Policy} lets a webhook reach; a host name is resolved
 * and checked each time a webhook is sent ({@code WebhookSender}), as its addresses may change.
 */
public final class WebhookUrls {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private WebhookUrls() {
    }

    /** Why {@code url} is not acceptable, or empty when it is. */
    public static Optional<String> problem(String url, boolean allowPlainHttpToLocalhost,
                                           WebhookTargets.Policy policy) {
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
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean plainHttpAllowed = scheme.equals("http") && allowPlainHttpToLocalhost && LOCAL_HOSTS.contains(host);
        if (!scheme.equals("https") && !plainHttpAllowed) {
            return Optional.of(allowPlainHttpToLocalhost ? "must use https (plain http only to localhost)"
                    : "must use https");
        }
        Optional<InetAddress> literal = WebhookTargets.literal(host);
        if (literal.isPresent() && policy.refusal(host, literal.get()).isPresent()) {
            return Optional.of("must not point at a loopback, private, link-local, multicast or otherwise non-public"
                    + " address");
        }
        return Optional.empty();
    }
}

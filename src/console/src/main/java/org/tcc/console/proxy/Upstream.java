package org.tcc.console.proxy;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.tcc.console.config.ConsoleConfig;

/**
 * The same-origin scheme of the console: {@code /api/<service>/<rest>} is {@code <service url>/api/<rest>}, e.g.
 * {@code /api/ingestion/v1/alerts} is alert-ingestion's {@code /api/v1/alerts}.
 */
public record Upstream(String prefix, URI base) {

    public static List<Upstream> of(ConsoleConfig config) {
        return List.of(new Upstream("/api/ingestion", URI.create(strip(config.ingestionUrl()))),
                new Upstream("/api/consultation", URI.create(strip(config.consultationUrl()))),
                new Upstream("/api/notification", URI.create(strip(config.notificationUrl()))));
    }

    /** The service's URL for a console path under this prefix (query included), or empty if it is not ours. */
    public Optional<String> target(String path, String query) {
        if (!path.startsWith(prefix + "/")) {
            return Optional.empty();
        }
        String rest = path.substring(prefix.length());
        if (rest.contains("/../") || rest.endsWith("/..") || rest.contains("/./")) {
            return Optional.empty();
        }
        return Optional.of(base + "/api" + rest + (query == null || query.isEmpty() ? "" : "?" + query));
    }

    /** A {@code Location} the service answered, rewritten to the console's path (so the page can follow it). */
    public String rewriteLocation(String location) {
        if (location == null) {
            return null;
        }
        String path = location;
        if (location.startsWith(base.toString())) {
            path = location.substring(base.toString().length());
        } else if (location.startsWith("http://") || location.startsWith("https://")) {
            return location;
        }
        return path.startsWith("/api/") ? prefix + path.substring("/api".length()) : path;
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

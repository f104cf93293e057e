package org.tcc.kit.rest;

import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * An old form a client may still depend on, kept for one API version (docs/api.md, "Changes in this version"): its
 * answer carries {@code Deprecation: true} (RFC 9745) and, where the new form is another request, a
 * {@code Link: <…>; rel="successor-version"} to it.
 */
public final class Deprecations {

    public static final String DEPRECATION = "Deprecation";
    public static final String LINK = "Link";

    private Deprecations() {
    }

    /** {@code entity} answered in an old form; {@code successor} is the same request in the new form. */
    @SuppressWarnings("unchecked")
    public static <T> RestResponse<T> oldForm(Object entity, URI successor) {
        RestResponse.ResponseBuilder<Object> answer = RestResponse.ResponseBuilder.ok(entity)
                .header(DEPRECATION, "true");
        if (successor != null) {
            answer.header(LINK, "<" + successor + ">; rel=\"successor-version\"");
        }
        return (RestResponse<T>) answer.build();
    }

    /** The request's URI with the old parameters removed and the new ones set (null values are left out). */
    public static URI successor(UriInfo uri, String[] removed, Object... replacements) {
        jakarta.ws.rs.core.UriBuilder builder = uri.getRequestUriBuilder();
        for (String name : removed) {
            builder.replaceQueryParam(name);
        }
        for (int i = 0; i + 1 < replacements.length; i += 2) {
            builder.replaceQueryParam((String) replacements[i]);
            if (replacements[i + 1] != null) {
                builder.queryParam((String) replacements[i], replacements[i + 1]);
            }
        }
        // relative to the host: the service may sit behind a proxy that rewrites it
        URI full = builder.build();
        return URI.create(full.getRawPath() + (full.getRawQuery() == null ? "" : "?" + full.getRawQuery()));
    }
}

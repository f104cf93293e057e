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

    /**
     * The request's path and query (relative to the host: the service may sit behind a proxy) with the old
     * parameters removed and the new ones set, in the request's order then the new ones; a null value leaves the
     * parameter out.
     */
    public static URI successor(UriInfo uri, String[] removed, Object... replacements) {
        java.util.Map<String, String> query = new java.util.LinkedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> query.put(name, values.get(0)));
        for (String name : removed) {
            query.remove(name);
        }
        for (int i = 0; i + 1 < replacements.length; i += 2) {
            query.remove((String) replacements[i]);
            if (replacements[i + 1] != null) {
                query.put((String) replacements[i], String.valueOf(replacements[i + 1]));
            }
        }
        String text = query.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(java.util.stream.Collectors.joining("&"));
        return URI.create(uri.getRequestUri().getRawPath() + (text.isEmpty() ? "" : "?" + text));
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package org.tcc.kit.observability;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * On the REST path, puts the alert or consultation a request is about into the MDC: the {@code {id}} of
 * {@code /api/v1/alerts/{id}/...} as {@code alertId}, of {@code /api/v1/consultations/{id}/...} (and the audit log's
 * {@code consultations/{id}}) as {@code consultationId}. The trace id is there already (OpenTelemetry's server span).
 */
@Provider
public class RequestLogContext implements ContainerRequestFilter, ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        MultivaluedMap<String, String> params = request.getUriInfo().getPathParameters();
        String id = params.getFirst("id");
        if (id == null) {
            return;
        }
        String path = request.getUriInfo().getPath();
        if (path.contains("/alerts/")) {
            LogContext.put(LogContext.ALERT_ID, id);
        } else if (path.contains("/consultations/")) {
            LogContext.put(LogContext.CONSULTATION_ID, id);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        LogContext.leave();
    }
}

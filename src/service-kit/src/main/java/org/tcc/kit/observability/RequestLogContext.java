package org.tcc.kit.observability;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * On the REST path, puts the alert or consultation a request is about into the MDC: the path parameter
 * {@code {alertId}} of {@code /api/v1/alerts/{alertId}/...} as {@code alertId}, {@code {consultationId}} of
 * {@code /api/v1/consultations/{consultationId}/...} (and the audit log's {@code consultations/{consultationId}}) as
 * {@code consultationId} (path parameters are named as the fields, docs/api.md). The trace id is there already
 * (OpenTelemetry's server span).
 */
@Provider
public class RequestLogContext implements ContainerRequestFilter, ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        MultivaluedMap<String, String> params = request.getUriInfo().getPathParameters();
        String alert = params.getFirst("alertId");
        if (alert != null) {
            LogContext.put(LogContext.ALERT_ID, alert);
        }
        String consultation = params.getFirst("consultationId");
        if (consultation != null) {
            LogContext.put(LogContext.CONSULTATION_ID, consultation);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        LogContext.leave();
    }
}

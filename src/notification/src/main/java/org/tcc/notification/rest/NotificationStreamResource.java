package org.tcc.notification.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.tcc.contracts.Country;
import org.tcc.contracts.Roles;
import org.tcc.kit.rest.Problem;
import org.tcc.kit.security.Caller;
import org.tcc.notification.domain.Language;
import org.tcc.notification.service.StreamHub;

/**
 * The live notification stream of the caller's country (Server-Sent Events). Each event is named
 * {@code notification}, has the country's sequence number as its id and the notification JSON as data. Without
 * {@code Last-Event-ID} (or {@code ?after=}) the stream starts with what comes next; with it, everything after that
 * id is replayed first, in order. The stream is closed when the token that opened it expires (reconnect with a fresh
 * token and {@code Last-Event-ID}); one user may hold {@code tcc.notification.stream.max-per-user} streams at once
 * (one more is a 429). Each event's {@code language}, {@code title} and {@code text} are in the subscriber's language:
 * that of their own directory entry (same country, name = their user name), else the best supported match of
 * {@code Accept-Language}, else their country's.
 */
@Path("/api/v1/notifications/stream")
@Authenticated
public class NotificationStreamResource {

    @Inject
    Caller caller;

    @Inject
    StreamHub hub;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed(Roles.LIAISON)
    @org.eclipse.microprofile.openapi.annotations.extensions.Extension(
            name = org.tcc.kit.rest.ProblemResponses.EXTENSION, value = "rate-limited,validation")
    public void stream(@HeaderParam("Last-Event-ID") String lastEventId, @QueryParam("after") String after,
                       @HeaderParam("Accept-Language") String acceptLanguage,
                       @Context SseEventSink sink, @Context Sse sse) {
        Country country = caller.requireCountry();
        String resumeFrom = lastEventId != null && !lastEventId.isBlank() ? lastEventId : after;
        long from = resumeFrom == null || resumeFrom.isBlank() ? hub.current(country) : seq(resumeFrom);
        java.time.Instant expiresAt = caller.tokenExpiresAt()
                .orElseThrow(() -> Problem.unauthorized("the token carries no expiry"));
        Language language = hub.languageOf(country, caller.subject(), acceptLanguage);
        hub.subscribe(country, caller.subject(), expiresAt, language, from, sink, sse,
                "stream of " + country + " after " + from + " in " + language.tag());
    }

    private static long seq(String value) {
        try {
            long seq = Long.parseLong(value.strip());
            if (seq < 0) {
                throw new NumberFormatException();
            }
            return seq;
        } catch (NumberFormatException e) {
            throw Problem.invalid("Last-Event-ID", "must be a sequence number received on this stream");
        }
    }
}

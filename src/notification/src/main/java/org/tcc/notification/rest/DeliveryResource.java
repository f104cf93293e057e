package org.tcc.notification.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tcc.contracts.Country;
import org.tcc.contracts.Roles;
import org.tcc.contracts.events.notification.Channel;
import org.tcc.contracts.events.notification.DeliveryStatus;
import org.tcc.kit.rest.Problem;
import org.tcc.notification.repository.DeadLetter;
import org.tcc.notification.repository.DeadLetterRepository;
import org.tcc.notification.repository.Delivery;
import org.tcc.notification.repository.DeliveryRepository;
import org.tcc.notification.service.Access;

/** The delivery log and the dead letters: a liaison sees their own country's, an auditor (or admin) all. */
@Path("/api/v1")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    public record DeliveryView(UUID id, String sourceKey, Country country, String recipient, Channel channel,
                               String target, DeliveryStatus status, int attempts, Instant createdAt,
                               Instant updatedAt, Instant sentAt, Instant nextAttemptAt, String lastError) {
        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id, d.sourceKey, d.country, d.recipientName, d.channel, d.target, d.status,
                    d.attempts, d.createdAt, d.updatedAt, d.sentAt,
                    d.status == DeliveryStatus.PENDING || d.status == DeliveryStatus.FAILED ? d.nextAttemptAt : null,
                    d.lastError);
        }
    }

    public record DeadLetterView(long id, UUID deliveryId, Country country, Channel channel, String target,
                                 int attempts, String reason, String payload, Instant createdAt) {
        static DeadLetterView of(DeadLetter l) {
            return new DeadLetterView(l.id, l.deliveryId, l.country, l.channel, l.target, l.attempts, l.reason,
                    l.payload, l.createdAt);
        }
    }

    @Inject
    DeliveryRepository deliveries;

    @Inject
    DeadLetterRepository deadLetters;

    @Inject
    Access access;

    @GET
    @Path("deliveries")
    @RolesAllowed({Roles.LIAISON, Roles.AUDITOR, Roles.ADMIN})
    @jakarta.transaction.Transactional
    public List<DeliveryView> deliveries(@QueryParam("country") String country,
                                         @QueryParam("status") DeliveryStatus status,
                                         @QueryParam("channel") Channel channel,
                                         @QueryParam("alertId") String alertId,
                                         @QueryParam("consultationId") String consultationId,
                                         @QueryParam("recipient") String recipient,
                                         @QueryParam("limit") Integer limit) {
        Country scope = access.readableCountry(RecipientResource.country(country)).orElse(null);
        return deliveries.search(new DeliveryRepository.Filter(scope, status, channel, alertId, consultationId,
                        recipient), limit(limit)).stream().map(DeliveryView::of).toList();
    }

    @GET
    @Path("dead-letters")
    @RolesAllowed({Roles.LIAISON, Roles.AUDITOR, Roles.ADMIN})
    @jakarta.transaction.Transactional
    public List<DeadLetterView> deadLetters(@QueryParam("country") String country,
                                            @QueryParam("limit") Integer limit) {
        return deadLetters.newest(access.readableCountry(RecipientResource.country(country)), limit(limit)).stream()
                .map(DeadLetterView::of).toList();
    }

    private static int limit(Integer limit) {
        int n = limit == null ? 100 : limit;
        if (n < 1 || n > 500) {
            throw Problem.invalid("limit", "must be between 1 and 500");
        }
        return n;
    }
}

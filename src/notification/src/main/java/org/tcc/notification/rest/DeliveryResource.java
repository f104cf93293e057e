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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.tcc.kit.rest.Cursor;
import org.tcc.kit.rest.Page;
import org.tcc.kit.rest.Query;
import java.util.Optional;
import java.util.Set;
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

    /** One delivery; {@code recipient} is the recipient's name, {@code recipientId} the directory entry. */
    public record DeliveryView(UUID id, String sourceKey, Country country, UUID recipientId, String recipient,
                               Channel channel, String target, DeliveryStatus status, int attempts, Instant createdAt,
                               Instant updatedAt, Instant sentAt, Instant nextAttemptAt, String lastError) {
        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id, d.sourceKey, d.country, d.recipientId, d.recipientName, d.channel, d.target,
                    d.status,
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

    static final String DELIVERIES = "deliveries";
    static final String DEAD_LETTERS = "dead-letters";
    private static final Set<String> DELIVERY_PARAMETERS = Query.listParameters("country", "status", "channel",
            "alertId", "consultationId", "recipient");
    private static final Set<String> DEAD_LETTER_PARAMETERS = Query.listParameters("country");

    /** The delivery log, newest first, a page at a time; the query is read strictly. */
    @GET
    @Path("deliveries")
    @RolesAllowed({Roles.LIAISON, Roles.AUDITOR, Roles.ADMIN})
    @jakarta.transaction.Transactional
    @Operation(summary = "The delivery log of the caller's country (every country's with trilateral), newest first")
    public Page<DeliveryView> deliveries(
            @Parameter(description = "Country (trilateral callers; others only their own)", schema = @Schema(
                    implementation = Country.class)) @QueryParam("country") String country,
            @Parameter(schema = @Schema(implementation = DeliveryStatus.class)) @QueryParam("status") String status,
            @Parameter(schema = @Schema(implementation = Channel.class)) @QueryParam("channel") String channel,
            @Parameter(description = "Deliveries of this alert") @QueryParam("alertId") String alertId,
            @Parameter(description = "Deliveries of this consultation") @QueryParam("consultationId")
            String consultationId,
            @Parameter(description = "The recipient's name") @QueryParam("recipient") String recipient,
            @Parameter(description = "The `next` of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "200", defaultValue = "50")) @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        Query query = new Query(uri, DELIVERY_PARAMETERS);
        Country scope = access.readableCountry(query.country("country")).orElse(null);
        DeliveryRepository.Filter filter = new DeliveryRepository.Filter(scope,
                query.enumeration("status", DeliveryStatus.class), query.enumeration("channel", Channel.class),
                query.text("alertId"), query.text("consultationId"), query.text("recipient"));
        int pageSize = query.limit();
        Cursor.Position at = query.cursor(DELIVERIES, 2);
        DeliveryRepository.Position after = at == null ? null
                : new DeliveryRepository.Position(at.instant(0), at.uuid(1));
        return Page.of(deliveries.search(filter, after, pageSize + 1), pageSize, DeliveryView::of,
                d -> Cursor.encode(DELIVERIES, d.createdAt, d.id));
    }

    /** The dead letters, newest first, a page at a time. */
    @GET
    @Path("dead-letters")
    @RolesAllowed({Roles.LIAISON, Roles.AUDITOR, Roles.ADMIN})
    @jakarta.transaction.Transactional
    @Operation(summary = "Dead deliveries with their payload, newest first")
    public Page<DeadLetterView> deadLetters(
            @Parameter(description = "Country (trilateral callers; others only their own)", schema = @Schema(
                    implementation = Country.class)) @QueryParam("country") String country,
            @Parameter(description = "The `next` of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "200", defaultValue = "50")) @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        Query query = new Query(uri, DEAD_LETTER_PARAMETERS);
        Optional<Country> scope = access.readableCountry(query.country("country"));
        int pageSize = query.limit();
        Cursor.Position at = query.cursor(DEAD_LETTERS, 1);
        return Page.of(deadLetters.newest(scope, at == null ? null : at.number(0), pageSize + 1), pageSize,
                DeadLetterView::of, l -> Cursor.encode(DEAD_LETTERS, l.id));
    }
}

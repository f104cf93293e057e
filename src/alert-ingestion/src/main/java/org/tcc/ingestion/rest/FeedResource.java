package org.tcc.ingestion.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.tcc.contracts.FeedSignature;
import org.tcc.contracts.Roles;
import org.tcc.ingestion.domain.InvalidReport;
import org.tcc.ingestion.service.IngestionMetrics;
import org.tcc.ingestion.domain.OversizedReport;
import org.tcc.ingestion.domain.ReportAuthenticity;
import org.tcc.ingestion.service.ReportIntake;
import org.tcc.kit.rest.Problem;
import org.tcc.kit.rest.ProblemType;
import org.tcc.kit.security.Caller;

/**
 * Sensor reports over HTTPS for feeds that cannot use Kafka: the same verification, deduplication and fusion. The
 * body is the signed JSON report; the detached JWS travels in the {@code TCC-Signature} header; the feed's token
 * country must be the report's {@code reportingCountry}.
 */
@Path("/api/v1/feeds/missile-launches")
@Authenticated
public class FeedResource {

    @Inject
    ReportIntake intake;

    @Inject
    Caller caller;

    @Inject
    IngestionMetrics metrics;

    @POST
    @RolesAllowed(Roles.FEED)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @org.eclipse.microprofile.openapi.annotations.extensions.Extension(
            name = org.tcc.kit.rest.ProblemResponses.EXTENSION, value = "invalid-signature")
    public Response report(byte[] body, @HeaderParam(FeedSignature.HTTP_HEADER) String signature) {
        ReportIntake.VerifiedReport verified;
        try {
            verified = intake.verify(body, signature);
        } catch (ReportAuthenticity.NotAuthentic e) {
            metrics.rejected(e.failure().name());
            throw e.failure().status() == 401 ? new Problem(ProblemType.INVALID_SIGNATURE, e.getMessage())
                    : Problem.forbidden(e.getMessage());
        } catch (InvalidReport e) {
            metrics.rejected("invalid");
            throw Problem.invalid(e.problems().stream().map(FeedResource::fieldError).toList());
        } catch (OversizedReport e) {
            metrics.rejected("oversized");
            throw new Problem(ProblemType.PAYLOAD_TOO_LARGE, "Report too large", e.getMessage(), null, null);
        }
        if (verified.report().reportingCountry() != caller.requireCountry()) {
            throw Problem.forbidden("a " + caller.requireCountry() + " feed cannot report for "
                    + verified.report().reportingCountry());
        }
        ReportIntake.Outcome outcome = intake.apply(verified);
        return Response.status(outcome.duplicate() ? 200 : 202).entity(outcome).build();
    }

    /** {@code $.launchPoint.lat: must be ...} becomes field {@code launchPoint.lat}. */
    private static Problem.FieldError fieldError(String problem) {
        int colon = problem.indexOf(": ");
        String path = colon > 0 ? problem.substring(0, colon) : "body";
        String field = path.startsWith("$.") ? path.substring(2) : path.equals("$") ? "body" : path;
        return new Problem.FieldError(field, colon > 0 ? problem.substring(colon + 2) : problem);
    }

}

package org.tcc.console.rest;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is signed in, for the page: name, country and roles (to choose the screens and the navigation), never a token.
 */
@Path("/session")
@Authenticated
public class SessionResource {

    /** The realm roles the console knows; other roles of the token are not the page's business. */
    static final Set<String> CONSOLE_ROLES = Set.of("liaison", "auditor", "admin", "trilateral", "feed");

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    public record Session(String username, String name, String country, List<String> roles, Instant expiresAt) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Session get() {
        String username = idToken.getClaim("preferred_username");
        String name = idToken.getClaim("name");
        String country = idToken.getClaim("country");
        List<String> roles = identity.getRoles().stream().filter(CONSOLE_ROLES::contains).sorted().toList();
        return new Session(username, name == null ? username : name, country, roles,
                Instant.ofEpochSecond(idToken.getExpirationTime()));
    }
}

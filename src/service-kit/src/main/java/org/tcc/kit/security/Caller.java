package org.tcc.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tcc.contracts.Claims;
import org.tcc.contracts.Country;
import org.tcc.kit.rest.Problem;

/** Who is calling: subject, roles and the country they act for, always from the verified token, never the body. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public String subject() {
        String username = token.getClaim("preferred_username");
        return username != null ? username : identity.getPrincipal().getName();
    }

    public Optional<Country> country() {
        Object claim = token.getClaim(Claims.COUNTRY);
        return claim == null ? Optional.empty() : Country.parse(claim.toString());
    }

    /** The caller's country; a token without one cannot act for a country (403). */
    public Country requireCountry() {
        return country().orElseThrow(() -> Problem.forbidden("the token carries no '" + Claims.COUNTRY + "' claim"));
    }

    /** When the caller's token expires ({@code exp}); empty for a token without one. */
    public Optional<java.time.Instant> tokenExpiresAt() {
        long exp = token.getExpirationTime();
        return exp > 0 ? Optional.of(java.time.Instant.ofEpochSecond(exp)) : Optional.empty();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }
}

package org.tcc.notification.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.tcc.contracts.Country;
import org.tcc.contracts.Roles;
import org.tcc.kit.rest.Problem;
import org.tcc.kit.security.Caller;

/** The data-dependent access rules of this service, in one place. */
@RequestScoped
public class Access {

    @Inject
    Caller caller;

    /** Recipients: an admin manages every country's, a liaison only their own country's. */
    public void requireRecipientsOf(Country country) {
        if (caller.hasRole(Roles.ADMIN)) {
            return;
        }
        if (caller.hasRole(Roles.LIAISON) && caller.requireCountry() == country) {
            return;
        }
        throw Problem.forbidden("only an admin or a liaison of " + country + " may manage its recipients");
    }

    /**
     * The country whose data the caller may read, empty meaning all countries: auditors and admins read everything
     * (optionally narrowed by {@code requested}); a liaison reads their own country only.
     */
    public Optional<Country> readableCountry(Country requested) {
        if (caller.hasRole(Roles.AUDITOR) || caller.hasRole(Roles.ADMIN)) {
            return Optional.ofNullable(requested);
        }
        Country own = caller.requireCountry();
        if (requested != null && requested != own) {
            throw Problem.forbidden("a liaison may only read " + own + " data");
        }
        return Optional.of(own);
    }

    /** The country whose recipients the caller may list (admins: all or the one requested). */
    public Optional<Country> recipientsListable(Country requested) {
        if (caller.hasRole(Roles.ADMIN)) {
            return Optional.ofNullable(requested);
        }
        Country own = caller.requireCountry();
        if (requested != null && requested != own) {
            throw Problem.forbidden("a liaison may only see the recipients of " + own);
        }
        return Optional.of(own);
    }
}

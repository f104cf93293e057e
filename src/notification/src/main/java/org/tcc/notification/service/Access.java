package org.tcc.notification.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.tcc.contracts.Country;
import org.tcc.contracts.Roles;
import org.tcc.kit.rest.Problem;
import org.tcc.kit.security.Caller;
import org.tcc.notification.domain.ChainStep;

/**
 * The data-dependent access rules of this service, in one place. Everyone acts for the country of their token:
 * liaisons, auditors and admins alike. Only an auditor or admin who also holds the realm role {@code trilateral}
 * reads (and, as an admin, manages) every country's data. Within their country, a liaison manages the liaison step
 * of the directory only; the escalation chain above it (duty officers, senior officials) belongs to the admins, so
 * the liaison it watches cannot thin it.
 */
@RequestScoped
public class Access {

    @Inject
    Caller caller;

    /** True for an auditor or admin holding {@code trilateral}: no country restriction. */
    public boolean trilateral() {
        return caller.hasRole(Roles.TRILATERAL) && (caller.hasRole(Roles.AUDITOR) || caller.hasRole(Roles.ADMIN));
    }

    /**
     * A change to a recipient of {@code country} at {@code step} (before and after a change, the caller checks
     * both): an admin of that country (or a trilateral admin) any step; a liaison of that country the liaison step
     * only.
     */
    public void requireDirectoryChange(Country country, ChainStep step) {
        if (caller.hasRole(Roles.ADMIN) && (trilateral() || caller.country().orElse(null) == country)) {
            return;
        }
        if (caller.hasRole(Roles.LIAISON) && caller.country().orElse(null) == country) {
            if (step == ChainStep.LIAISON) {
                return;
            }
            throw Problem.forbidden("the escalation chain (" + step + ") of " + country
                    + " is changed by its admins only, not by the liaisons it watches");
        }
        throw Problem.forbidden("only an admin or a liaison of " + country + " may manage its recipients");
    }

    /** Reading one recipient of {@code country}: its admins and liaisons (and trilateral admins). */
    public void requireRecipientsOf(Country country) {
        if (caller.hasRole(Roles.ADMIN) && trilateral()) {
            return;
        }
        boolean manager = caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.LIAISON);
        if (manager && caller.country().orElse(null) == country) {
            return;
        }
        throw Problem.forbidden("only an admin or a liaison of " + country + " may see its recipients");
    }

    /**
     * The country whose data the caller may read, empty meaning all countries: a trilateral auditor or admin reads
     * everything (optionally narrowed by {@code requested}); everyone else their own country only.
     */
    public Optional<Country> readableCountry(Country requested) {
        if (trilateral()) {
            return Optional.ofNullable(requested);
        }
        Country own = caller.requireCountry();
        if (requested != null && requested != own) {
            throw Problem.forbidden("the caller may only read " + own + " data (other countries need the "
                    + Roles.TRILATERAL + " role)");
        }
        return Optional.of(own);
    }

    /** The country whose recipients the caller may list (trilateral admins: all or the one requested). */
    public Optional<Country> recipientsListable(Country requested) {
        if (caller.hasRole(Roles.ADMIN) && trilateral()) {
            return Optional.ofNullable(requested);
        }
        Country own = caller.requireCountry();
        if (requested != null && requested != own) {
            throw Problem.forbidden("the caller may only see the recipients of " + own);
        }
        return Optional.of(own);
    }
}

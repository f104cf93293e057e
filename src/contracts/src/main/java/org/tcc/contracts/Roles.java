package org.tcc.contracts;

/** Realm role names, as used in {@code @RolesAllowed}. */
public final class Roles {

    /** A country's crisis liaison officer: raises, acknowledges alerts and takes part in consultations. */
    public static final String LIAISON = "liaison";
    /** Read-only access to what the caller's country may see (everything only with {@link #TRILATERAL}). */
    public static final String AUDITOR = "auditor";
    /** A sensor feed (machine client) that posts missile-launch reports. */
    public static final String FEED = "feed";
    /** Operations of one country: its recipients directory and dead letters (all with {@link #TRILATERAL}). */
    public static final String ADMIN = "admin";
    /**
     * Lifts the country restriction of {@link #AUDITOR} and {@link #ADMIN}: the holder reads (and an admin manages)
     * every country's data. Means nothing on its own or for a liaison.
     */
    public static final String TRILATERAL = "trilateral";

    private Roles() {
    }
}

package org.tcc.contracts;

/** Realm role names, as used in {@code @RolesAllowed}. */
public final class Roles {

    /** A country's crisis liaison officer: raises, acknowledges alerts and takes part in consultations. */
    public static final String LIAISON = "liaison";
    /** Read-only access to everything the caller's country may see. */
    public static final String AUDITOR = "auditor";
    /** A sensor feed (machine client) that posts missile-launch reports. */
    public static final String FEED = "feed";
    /** Operations: configuration and dead-letter handling. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}

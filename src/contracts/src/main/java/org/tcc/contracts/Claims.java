package org.tcc.contracts;

/** Token claim names. */
public final class Claims {

    /**
     * The caller's country as a {@link Country} code ({@code USA}, {@code KOR}, {@code JPN}). Services take the
     * caller's country from this claim, never from a request body.
     */
    public static final String COUNTRY = "country";

    private Claims() {
    }
}

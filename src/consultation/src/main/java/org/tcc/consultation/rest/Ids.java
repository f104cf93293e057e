package org.tcc.consultation.rest;

import java.util.UUID;
import org.tcc.kit.rest.Problem;

/** Path ids: a malformed one names nothing, so it is a 404 like any unknown id. */
final class Ids {

    private Ids() {
    }

    static UUID consultation(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Problem.notFound("consultation " + id);
        }
    }
}

package org.tcc.ingestion.rest;

import java.util.UUID;
import org.tcc.kit.rest.Problem;

/** Alert ids in paths: a malformed id is simply an alert that does not exist. */
final class Ids {

    private Ids() {
    }

    static UUID alertId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Problem.notFound("alert " + id);
        }
    }
}

package org.tcc.ingestion.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.tcc.ingestion.repository.AlertRepository;

/** Opaque page cursors: base64url of {@code raisedAt|id}. */
final class Cursors {

    private Cursors() {
    }

    static String encode(AlertRepository.Cursor cursor) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((cursor.raisedAt() + "|" + cursor.id()).getBytes(StandardCharsets.UTF_8));
    }

    static AlertRepository.Cursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return new AlertRepository.Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw QueryParameters.invalid("cursor", "is not a cursor returned by this API");
        }
    }
}

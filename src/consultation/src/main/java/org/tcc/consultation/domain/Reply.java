package org.tcc.consultation.domain;

import java.time.Instant;

/** A participant's response to the current proposal; {@code reason} is required for DECLINED and ABSTAINED. */
public record Reply(Response response, String reason, String by, Instant at) {
}

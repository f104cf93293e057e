package org.tcc.consultation.domain;

import java.time.Instant;

/** A participant country's assessment of the situation and its position, as last submitted. */
public record Position(String assessment, String position, String by, Instant at) {
}

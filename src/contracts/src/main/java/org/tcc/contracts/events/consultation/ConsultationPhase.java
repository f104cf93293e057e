package org.tcc.contracts.events.consultation;

/**
 * Phase of a consultation: CONVENING (waiting for participants to join), IN_SESSION (positions exchanged),
 * PROPOSED (a proposal awaits responses), CONCLUDED (agreed outcome), CLOSED or CANCELLED (final).
 */
public enum ConsultationPhase {
    CONVENING, IN_SESSION, PROPOSED, CONCLUDED, CLOSED, CANCELLED
}

package org.tcc.consultation.domain;

/** Why the state machine refused an action. */
public enum Refusal {
    /** The caller's country is not a participant (the API answers as if the consultation did not exist). */
    NOT_A_PARTICIPANT,
    /** The action is not allowed in the consultation's current phase. */
    ILLEGAL_IN_PHASE,
    /** The country already did this (joined, responded to this proposal). */
    ALREADY_DONE,
    /** A joint response can only be drafted once every participant has stated its position. */
    POSITIONS_MISSING,
    /** The response names a proposal that is not the one on the table. */
    NOT_THE_CURRENT_PROPOSAL,
    /** Nobody is past a deadline: there is nothing to escalate. */
    NOTHING_OVERDUE
}

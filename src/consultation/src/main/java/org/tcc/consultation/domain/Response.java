package org.tcc.consultation.domain;

/** A participant's answer to the proposal on the table. */
public enum Response {
    APPROVED, DECLINED, ABSTAINED
}

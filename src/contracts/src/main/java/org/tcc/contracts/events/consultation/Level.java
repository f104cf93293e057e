package org.tcc.contracts.events.consultation;

/** Level at which a consultation is held; a silent country escalates it one level up. */
public enum Level {
    WORKING, SENIOR, MINISTERIAL
}

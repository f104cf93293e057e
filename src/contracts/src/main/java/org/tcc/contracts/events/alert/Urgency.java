package org.tcc.contracts.events.alert;

/** CAP urgency; constants keep CAP's spelling, which is also the JSON value. */
public enum Urgency {
    Immediate, Expected, Future, Past, Unknown
}

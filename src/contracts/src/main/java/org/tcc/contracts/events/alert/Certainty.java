package org.tcc.contracts.events.alert;

/** CAP certainty; constants keep CAP's spelling, which is also the JSON value. */
public enum Certainty {
    Observed, Likely, Possible, Unlikely, Unknown
}

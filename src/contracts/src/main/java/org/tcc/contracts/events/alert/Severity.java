package org.tcc.contracts.events.alert;

/** CAP severity; constants keep CAP's spelling, which is also the JSON value. */
public enum Severity {
    Extreme, Severe, Moderate, Minor, Unknown
}

package org.tcc.contracts.events.alert;

/** Where an alert came from: fused sensor reports, or raised by hand by a liaison officer. */
public enum AlertOrigin {
    SENSOR, LIAISON
}

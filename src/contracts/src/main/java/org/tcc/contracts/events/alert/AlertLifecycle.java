package org.tcc.contracts.events.alert;

/** Lifecycle of an alert: ACTIVE until cancelled (it was wrong) or resolved (it is over); both are final. */
public enum AlertLifecycle {
    ACTIVE, CANCELLED, RESOLVED
}

package org.tcc.contracts.events;

/** Whether traffic is real or practice (CAP {@code status}); EXERCISE and TEST must never be acted on as real. */
public enum TrafficStatus {
    ACTUAL, EXERCISE, TEST
}

package org.tcc.ingestion.domain;

import org.tcc.contracts.events.alert.AlertLifecycle;

/** An alert rule refused an action: why, which field if any, and the alert's lifecycle at that moment. */
public final class AlertRefused extends RuntimeException {

    public enum Why { NOT_ALLOWED, CONFLICT, INVALID }

    private final Why why;
    private final String field;
    private final AlertLifecycle lifecycle;

    private AlertRefused(Why why, String field, AlertLifecycle lifecycle, String message) {
        super(message, null, false, false);
        this.why = why;
        this.field = field;
        this.lifecycle = lifecycle;
    }

    public static AlertRefused notAllowed(String message) {
        return new AlertRefused(Why.NOT_ALLOWED, null, null, message);
    }

    public static AlertRefused conflict(AlertLifecycle lifecycle, String message) {
        return new AlertRefused(Why.CONFLICT, null, lifecycle, message);
    }

    public static AlertRefused invalid(String field, String message) {
        return new AlertRefused(Why.INVALID, field, null, message);
    }

    public Why why() {
        return why;
    }

    public String field() {
        return field;
    }

    public AlertLifecycle lifecycle() {
        return lifecycle;
    }
}

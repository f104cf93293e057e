package org.tcc.contracts.events.alert;

/** A sensor report an alert version applied: the report's idempotency key (sensor id, report id). */
public record AppliedReport(String sensorId, String reportId) {
}

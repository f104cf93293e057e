package org.tcc.contracts.events.alert;

/** What kind of event an alert is about. */
public enum AlertType {
    MISSILE_LAUNCH, NUCLEAR_TEST, MARITIME_INCIDENT, AIRSPACE_VIOLATION, CYBER_INCIDENT, OTHER
}

package org.tcc.contracts.events.alert;

/** What threatens a country in a missile launch. */
public enum ThreatKind {
    /** The predicted impact point is on the country's land territory. */
    IMPACT_TERRITORY,
    /** The predicted impact point is in the country's exclusive economic zone (approximated). */
    IMPACT_EEZ,
    /** The predicted ground track crosses the country's land territory before the impact. */
    OVERFLIGHT
}

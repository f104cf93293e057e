-- The fields of an alert a liaison officer set by hand (headline, description, areaDesc, severity, urgency,
-- certainty): later sensor refinements keep them (see SensorAlerts.stable).
ALTER TABLE alert ADD COLUMN liaison_edited text[] NOT NULL DEFAULT '{}';

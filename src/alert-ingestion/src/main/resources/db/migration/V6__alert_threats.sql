-- What threatens each affected country of a sensor alert (impact on territory, impact in the EEZ, overflight;
-- disputed areas flagged): a JSON array of Threat, as in AlertState.threats. Null for liaison alerts.
ALTER TABLE alert ADD COLUMN threats TEXT;

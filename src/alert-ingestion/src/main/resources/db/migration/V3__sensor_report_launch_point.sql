-- Fusion looks for candidate launches near a report: a bounding box on the launch point keeps that lookup cheap
-- however many launches are being tracked.
ALTER TABLE sensor_report ADD COLUMN launch_lat DOUBLE PRECISION;
ALTER TABLE sensor_report ADD COLUMN launch_lon DOUBLE PRECISION;
UPDATE sensor_report SET launch_lat = CAST(CAST(payload AS jsonb) -> 'launchPoint' ->> 'lat' AS DOUBLE PRECISION),
                         launch_lon = CAST(CAST(payload AS jsonb) -> 'launchPoint' ->> 'lon' AS DOUBLE PRECISION);
ALTER TABLE sensor_report ALTER COLUMN launch_lat SET NOT NULL;
ALTER TABLE sensor_report ALTER COLUMN launch_lon SET NOT NULL;
CREATE INDEX sensor_report_status_detected_at ON sensor_report (traffic_status, detected_at);

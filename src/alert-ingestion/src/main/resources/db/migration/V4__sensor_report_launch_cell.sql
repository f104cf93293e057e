-- Fusion candidates by a coarse grid cell of the launch point (1 degree) and time: the lookup reads only the few
-- reports near the new one, instead of every report of the last two minutes.
ALTER TABLE sensor_report ADD COLUMN launch_cell INTEGER;
UPDATE sensor_report SET launch_cell = (CAST(floor(launch_lat) AS INTEGER) + 90) * 360
                                       + (CAST(floor(launch_lon) AS INTEGER) + 180);
ALTER TABLE sensor_report ALTER COLUMN launch_cell SET NOT NULL;
DROP INDEX sensor_report_status_detected_at;
CREATE INDEX sensor_report_cell ON sensor_report (traffic_status, launch_cell, detected_at);

-- What the crisis grouping reads for every alert that convenes: how many alerts a consultation lists and the span
-- of their raisedAt, kept on the consultation row (updated when an alert joins) instead of aggregated over
-- consultation_alert each time (a salvo consultation may list thousands).
ALTER TABLE consultation ADD COLUMN alert_count INT NOT NULL DEFAULT 0;
ALTER TABLE consultation ADD COLUMN first_alert_at TIMESTAMPTZ;
ALTER TABLE consultation ADD COLUMN last_alert_at TIMESTAMPTZ;
UPDATE consultation c SET alert_count = s.n, first_alert_at = s.first_at, last_alert_at = s.last_at
FROM (SELECT consultation_id, count(*) AS n, min(raised_at) AS first_at, max(raised_at) AS last_at
      FROM consultation_alert GROUP BY consultation_id) s
WHERE s.consultation_id = c.id;

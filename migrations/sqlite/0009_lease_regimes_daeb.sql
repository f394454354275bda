-- Lease regimes: the notice deadlines of 7:290 leases that end only by notice (art. 7:292/7:293 BW), one row per statutory
-- term, rewritten with every change of a lease's dates or regime; the reminder scan reads the rows whose reminder is due.
CREATE TABLE lease_notice_deadlines (
    id               TEXT    NOT NULL PRIMARY KEY,
    tenant_id        TEXT    NOT NULL REFERENCES tenants (id),
    lease_id         TEXT    NOT NULL REFERENCES leases (id),
    term_end_date    TEXT    NOT NULL,
    notice_deadline  TEXT    NOT NULL,
    remind_on        TEXT    NOT NULL,
    notified         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_lease_notice_deadlines_lease ON lease_notice_deadlines (tenant_id, lease_id);
CREATE INDEX ix_lease_notice_deadlines_due ON lease_notice_deadlines (notified, remind_on);

-- DAEB follows the detail code, with an explicit override for the grey zone; the classification history keeps both.
ALTER TABLE units ADD COLUMN daeb_override INTEGER NULL;
ALTER TABLE units ADD COLUMN daeb_override_reason TEXT NULL;
ALTER TABLE unit_classifications ADD COLUMN from_daeb INTEGER NOT NULL DEFAULT 0;
ALTER TABLE unit_classifications ADD COLUMN to_daeb INTEGER NOT NULL DEFAULT 0;
ALTER TABLE unit_classifications ADD COLUMN daeb_override INTEGER NULL;
ALTER TABLE unit_classifications ADD COLUMN daeb_override_reason TEXT NULL;
UPDATE unit_classifications
SET from_daeb = CASE WHEN from_category = 'MOG' AND from_detail_code NOT IN ('MWR', 'WWR') THEN 1 ELSE 0 END,
    to_daeb = CASE WHEN to_category = 'MOG' AND to_detail_code NOT IN ('MWR', 'WWR') THEN 1 ELSE 0 END;

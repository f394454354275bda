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

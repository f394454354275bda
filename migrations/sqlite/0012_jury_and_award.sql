-- The neighbourhood jury of a tender and its award.

-- A juror of one tender, without an account: the key it was given once is stored as its SHA-256 only.
CREATE TABLE tender_jurors (
    id          TEXT    NOT NULL PRIMARY KEY,
    tenant_id   TEXT    NOT NULL REFERENCES tenants (id),
    tender_id   TEXT    NOT NULL REFERENCES tenders (id),
    name        TEXT    NOT NULL,
    role        TEXT    NOT NULL CHECK (role IN ('resident', 'professional')),
    key_hash    TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    revoked_at  TEXT    NULL,
    version     INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_tender_jurors_key ON tender_jurors (key_hash);
CREATE INDEX ix_tender_jurors_tender ON tender_jurors (tenant_id, tender_id, id);

-- A juror's declared conflict of interest with one application: it does not score that one.
CREATE TABLE jury_conflicts (
    tenant_id       TEXT NOT NULL REFERENCES tenants (id),
    tender_id       TEXT NOT NULL REFERENCES tenders (id),
    juror_id        TEXT NOT NULL REFERENCES tender_jurors (id),
    application_id  TEXT NOT NULL REFERENCES tender_applications (id),
    reason          TEXT NOT NULL,
    declared_at     TEXT NOT NULL,
    PRIMARY KEY (juror_id, application_id)
);
CREATE INDEX ix_jury_conflicts_tender ON jury_conflicts (tenant_id, tender_id);

-- A juror's current score of one application on one criterion (each revision is in the audit trail).
CREATE TABLE jury_scores (
    tenant_id       TEXT    NOT NULL REFERENCES tenants (id),
    tender_id       TEXT    NOT NULL REFERENCES tenders (id),
    juror_id        TEXT    NOT NULL REFERENCES tender_jurors (id),
    application_id  TEXT    NOT NULL REFERENCES tender_applications (id),
    criterion_key   TEXT    NOT NULL,
    score           INTEGER NOT NULL CHECK (score BETWEEN 1 AND 10),
    comment         TEXT    NULL,
    scored_at       TEXT    NOT NULL,
    PRIMARY KEY (juror_id, application_id, criterion_key)
);
CREATE INDEX ix_jury_scores_tender ON jury_scores (tenant_id, tender_id, application_id);

-- The award: the winner, the jury's report, and the lease (and discount) it became.
CREATE TABLE tender_awards (
    tenant_id       TEXT NOT NULL REFERENCES tenants (id),
    tender_id       TEXT NOT NULL PRIMARY KEY REFERENCES tenders (id),
    application_id  TEXT NOT NULL REFERENCES tender_applications (id),
    jury_report     TEXT NOT NULL,
    lease_id        TEXT NOT NULL REFERENCES leases (id),
    discount_id     TEXT NULL REFERENCES discounts (id),
    awarded_at      TEXT NOT NULL
);

-- What the award told each applicant of its own scores: its rank band and per-criterion means (JSON as the API shows it).
ALTER TABLE tender_applications ADD COLUMN jury_outcome TEXT NULL;

-- A tender goes on from shortlisted to pitching (the jury scores) and to awarded; the winning application becomes awarded,
-- the others rejected. SQLite cannot alter a CHECK constraint, so the two status lists are widened in the stored schema
-- (the documented procedure for loosening a constraint: every row that passed the old check passes the new one).
PRAGMA writable_schema = ON;
UPDATE sqlite_master SET sql = replace(sql, '''shortlisted'', ''cancelled''', '''shortlisted'', ''pitching'', ''awarded'', ''cancelled''')
WHERE type = 'table' AND name = 'tenders';
UPDATE sqlite_master SET sql = replace(sql, '''withdrawn''', '''withdrawn'', ''awarded'', ''rejected''')
WHERE type = 'table' AND name = 'tender_applications';
PRAGMA writable_schema = OFF;
-- A new schema version makes every connection, this one too, read the widened schema before its next statement.
PRAGMA schema_version = 100012;

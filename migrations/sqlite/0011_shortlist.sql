-- The shortlist (issue 17, item 4): an application the landlord shortlists keeps the landlord's note and its place on
-- the shortlist (1, 2, …: the order of the pitch night's slots); every other eligible one becomes not_selected.
-- SQLite cannot change a CHECK constraint in place, so tender_applications is rebuilt. Its receipts reference it, and
-- PRAGMA foreign_keys cannot change inside the migration's transaction: the references are checked at commit instead
-- (defer_foreign_keys, reset by the commit), when the copied rows satisfy them again.
PRAGMA defer_foreign_keys = ON;

CREATE TABLE tender_applications_copy AS SELECT * FROM tender_applications;
DROP TABLE tender_applications;

CREATE TABLE tender_applications (
    id                     TEXT    NOT NULL PRIMARY KEY,
    tenant_id              TEXT    NOT NULL REFERENCES tenants (id),
    tender_id              TEXT    NOT NULL REFERENCES tenders (id),
    submitter_tenant_id    TEXT    NOT NULL REFERENCES tenants (id),
    submitted_by           TEXT    NOT NULL,
    applicant_name         TEXT    NOT NULL,
    applicant_organisation TEXT    NULL,
    applicant_kvk_number   TEXT    NULL,
    applicant_email        TEXT    NOT NULL,
    applicant_phone        TEXT    NULL,
    sections               TEXT    NOT NULL,
    requested_start_date   TEXT    NULL,
    status                 TEXT    NOT NULL CHECK (status IN ('submitted', 'eligible', 'ineligible', 'withdrawn', 'shortlisted', 'not_selected')),
    assessment_reason      TEXT    NULL,
    shortlist_note         TEXT    NULL,
    shortlist_position     INTEGER NULL,
    created_at             TEXT    NOT NULL,
    updated_at             TEXT    NOT NULL,
    version                INTEGER NOT NULL
);

INSERT INTO tender_applications (id, tenant_id, tender_id, submitter_tenant_id, submitted_by, applicant_name, applicant_organisation,
                                 applicant_kvk_number, applicant_email, applicant_phone, sections, requested_start_date, status,
                                 assessment_reason, created_at, updated_at, version)
SELECT id, tenant_id, tender_id, submitter_tenant_id, submitted_by, applicant_name, applicant_organisation,
       applicant_kvk_number, applicant_email, applicant_phone, sections, requested_start_date, status,
       assessment_reason, created_at, updated_at, version
FROM tender_applications_copy;
DROP TABLE tender_applications_copy;

CREATE INDEX ix_tender_applications_tender ON tender_applications (tenant_id, tender_id, id);
CREATE INDEX ix_tender_applications_email ON tender_applications (tender_id, applicant_email);
CREATE INDEX ix_tender_applications_kvk ON tender_applications (tender_id, applicant_kvk_number);

-- Tenders ("Pitch je plan"): a landlord's public or invite-only call for plans for some of its units.
-- required_sections is a space-separated list with a space at each end; criteria, pitch_night and offered_terms are
-- JSON as the API shows them. status is what was last decided (draft, published, closed, shortlisted, cancelled):
-- a published tender shows as open from opens_at.
CREATE TABLE tenders (
    id                     TEXT    NOT NULL PRIMARY KEY,
    tenant_id              TEXT    NOT NULL REFERENCES tenants (id),
    title                  TEXT    NOT NULL,
    description            TEXT    NOT NULL,
    neighbourhood_profile  TEXT    NOT NULL,
    eligibility            TEXT    NOT NULL,
    required_sections      TEXT    NOT NULL,
    criteria               TEXT    NOT NULL,
    opens_at               TEXT    NOT NULL,
    closes_at              TEXT    NOT NULL,
    pitch_night            TEXT    NULL,
    offered_terms          TEXT    NOT NULL,
    base_rent_cents_per_month INTEGER NOT NULL,
    visibility             TEXT    NOT NULL CHECK (visibility IN ('public', 'invite')),
    status                 TEXT    NOT NULL CHECK (status IN ('draft', 'published', 'closed', 'shortlisted', 'cancelled')),
    published_at           TEXT    NULL,
    closed_at              TEXT    NULL,
    cancelled_at           TEXT    NULL,
    created_at             TEXT    NOT NULL,
    updated_at             TEXT    NOT NULL,
    version                INTEGER NOT NULL
);
CREATE INDEX ix_tenders_tenant ON tenders (tenant_id, id);
CREATE INDEX ix_tenders_listing ON tenders (status, visibility, id);

CREATE TABLE tender_units (
    tenant_id  TEXT NOT NULL REFERENCES tenants (id),
    tender_id  TEXT NOT NULL REFERENCES tenders (id),
    unit_id    TEXT NOT NULL REFERENCES units (id),
    PRIMARY KEY (tender_id, unit_id)
);
CREATE INDEX ix_tender_units_tenant ON tender_units (tenant_id, tender_id);

-- The public listing: only what an applicant needs of published public tenders and their units, across
-- tenants. It is read on the system path only (TenderListingStore); the opening and closing times are compared there.
CREATE VIEW public_tender_units AS
SELECT t.id AS tender_id, o.name AS landlord_name, t.title, t.description, t.neighbourhood_profile, t.eligibility,
       t.required_sections, t.criteria, t.opens_at, t.closes_at, t.pitch_night, t.base_rent_cents_per_month,
       u.id AS unit_id, u.area_m2, u.category, u.detail_code, p.municipality_code, p.neighbourhood_code
FROM tenders t
JOIN tenants o ON o.id = t.tenant_id
JOIN tender_units tu ON tu.tenant_id = t.tenant_id AND tu.tender_id = t.id
JOIN units u ON u.tenant_id = t.tenant_id AND u.id = tu.unit_id
JOIN plinths p ON p.tenant_id = t.tenant_id AND p.id = u.plinth_id
WHERE t.status = 'published' AND t.visibility = 'public';

-- An application belongs to the landlord's partition (tenant_id), with the tenant whose client submitted it recorded
-- (submitter_tenant_id). sections is JSON as the API shows it.
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
    status                 TEXT    NOT NULL CHECK (status IN ('submitted', 'eligible', 'ineligible', 'withdrawn')),
    assessment_reason      TEXT    NULL,
    created_at             TEXT    NOT NULL,
    updated_at             TEXT    NOT NULL,
    version                INTEGER NOT NULL
);
CREATE INDEX ix_tender_applications_tender ON tender_applications (tenant_id, tender_id, id);
CREATE INDEX ix_tender_applications_email ON tender_applications (tender_id, applicant_email);
CREATE INDEX ix_tender_applications_kvk ON tender_applications (tender_id, applicant_kvk_number);

-- The submitter's receipt, in its own partition: which application of which landlord it submitted.
CREATE TABLE application_receipts (
    tenant_id        TEXT NOT NULL REFERENCES tenants (id),
    application_id   TEXT NOT NULL REFERENCES tender_applications (id),
    owner_tenant_id  TEXT NOT NULL REFERENCES tenants (id),
    created_at       TEXT NOT NULL,
    PRIMARY KEY (tenant_id, application_id)
);

-- Tenders ("Pitch je plan"): a landlord's public or invite-only call for plans for some of its units.
-- required_sections is a space-separated list with a space at each end; criteria, pitch_night and offered_terms are
-- JSON as the API shows them. status is what was last decided (draft, published, closed, shortlisted, cancelled):
-- a published tender shows as open from opens_at.
CREATE TABLE dbo.tenders (
    id                     UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_tenders PRIMARY KEY,
    tenant_id              UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_tenders_tenant REFERENCES dbo.tenants (id),
    title                  NVARCHAR(200)    NOT NULL,
    description            NVARCHAR(4000)   NOT NULL,
    neighbourhood_profile  NVARCHAR(4000)   NOT NULL,
    eligibility            NVARCHAR(1000)   NOT NULL,
    required_sections      VARCHAR(100)     NOT NULL,
    criteria               NVARCHAR(MAX)    NOT NULL,
    opens_at               DATETIMEOFFSET   NOT NULL,
    closes_at              DATETIMEOFFSET   NOT NULL,
    pitch_night            NVARCHAR(MAX)    NULL,
    offered_terms          NVARCHAR(MAX)    NOT NULL,
    base_rent_cents_per_month BIGINT        NOT NULL,
    visibility             VARCHAR(16)      NOT NULL CONSTRAINT ck_tenders_visibility CHECK (visibility IN ('public', 'invite')),
    status                 VARCHAR(16)      NOT NULL CONSTRAINT ck_tenders_status CHECK (status IN ('draft', 'published', 'closed', 'shortlisted', 'cancelled')),
    published_at           DATETIMEOFFSET   NULL,
    closed_at              DATETIMEOFFSET   NULL,
    cancelled_at           DATETIMEOFFSET   NULL,
    created_at             DATETIMEOFFSET   NOT NULL,
    updated_at             DATETIMEOFFSET   NOT NULL,
    version                INT              NOT NULL
);
CREATE INDEX ix_tenders_tenant ON dbo.tenders (tenant_id, id);
CREATE INDEX ix_tenders_listing ON dbo.tenders (status, visibility, id);

CREATE TABLE dbo.tender_units (
    tenant_id  UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_tender_units_tenant REFERENCES dbo.tenants (id),
    tender_id  UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_tender_units_tender REFERENCES dbo.tenders (id),
    unit_id    UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_tender_units_unit REFERENCES dbo.units (id),
    CONSTRAINT pk_tender_units PRIMARY KEY (tender_id, unit_id)
);
CREATE INDEX ix_tender_units_tenant ON dbo.tender_units (tenant_id, tender_id);
GO

-- The public listing: only what an applicant needs of published public tenders and their units, across tenants. It is
-- read on the system path only (TenderListingStore, a session without a tenant, which row-level security lets see all
-- tenants); the opening and closing times are compared there.
CREATE VIEW dbo.public_tender_units AS
SELECT t.id AS tender_id, o.name AS landlord_name, t.title, t.description, t.neighbourhood_profile, t.eligibility,
       t.required_sections, t.criteria, t.opens_at, t.closes_at, t.pitch_night, t.base_rent_cents_per_month,
       u.id AS unit_id, u.area_m2, u.category, u.detail_code, p.municipality_code, p.neighbourhood_code
FROM dbo.tenders t
JOIN dbo.tenants o ON o.id = t.tenant_id
JOIN dbo.tender_units tu ON tu.tenant_id = t.tenant_id AND tu.tender_id = t.id
JOIN dbo.units u ON u.tenant_id = t.tenant_id AND u.id = tu.unit_id
JOIN dbo.plinths p ON p.tenant_id = t.tenant_id AND p.id = u.plinth_id
WHERE t.status = 'published' AND t.visibility = 'public';
GO

-- An application belongs to the landlord's partition (tenant_id), with the tenant whose client submitted it recorded
-- (submitter_tenant_id). sections is JSON as the API shows it.
CREATE TABLE dbo.tender_applications (
    id                     UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_tender_applications PRIMARY KEY,
    tenant_id              UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_tender_applications_owner REFERENCES dbo.tenants (id),
    tender_id              UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_tender_applications_tender REFERENCES dbo.tenders (id),
    submitter_tenant_id    UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_tender_applications_submitter REFERENCES dbo.tenants (id),
    submitted_by           VARCHAR(100)     NOT NULL,
    applicant_name         NVARCHAR(200)    NOT NULL,
    applicant_organisation NVARCHAR(200)    NULL,
    applicant_kvk_number   CHAR(8)          NULL,
    applicant_email        NVARCHAR(320)    NOT NULL,
    applicant_phone        NVARCHAR(40)     NULL,
    sections               NVARCHAR(MAX)    NOT NULL,
    requested_start_date   DATE             NULL,
    status                 VARCHAR(16)      NOT NULL CONSTRAINT ck_tender_applications_status CHECK (status IN ('submitted', 'eligible', 'ineligible', 'withdrawn')),
    assessment_reason      NVARCHAR(1000)   NULL,
    created_at             DATETIMEOFFSET   NOT NULL,
    updated_at             DATETIMEOFFSET   NOT NULL,
    version                INT              NOT NULL
);
CREATE INDEX ix_tender_applications_tender ON dbo.tender_applications (tenant_id, tender_id, id);
CREATE INDEX ix_tender_applications_email ON dbo.tender_applications (tender_id, applicant_email);
CREATE INDEX ix_tender_applications_kvk ON dbo.tender_applications (tender_id, applicant_kvk_number);

-- The submitter's receipt, in its own partition: which application of which landlord it submitted.
CREATE TABLE dbo.application_receipts (
    tenant_id        UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_application_receipts_tenant REFERENCES dbo.tenants (id),
    application_id   UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_application_receipts_application REFERENCES dbo.tender_applications (id),
    owner_tenant_id  UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_application_receipts_owner REFERENCES dbo.tenants (id),
    created_at       DATETIMEOFFSET   NOT NULL,
    CONSTRAINT pk_application_receipts PRIMARY KEY (tenant_id, application_id)
);
GO

ALTER SECURITY POLICY security.tenant_isolation
    ADD FILTER PREDICATE security.tenant_predicate(tenant_id) ON dbo.tender_applications,
    ADD BLOCK PREDICATE security.tenant_predicate(tenant_id) ON dbo.tender_applications,
    ADD FILTER PREDICATE security.tenant_predicate(tenant_id) ON dbo.application_receipts,
    ADD BLOCK PREDICATE security.tenant_predicate(tenant_id) ON dbo.application_receipts,
    ADD FILTER PREDICATE security.tenant_predicate(tenant_id) ON dbo.tenders,
    ADD BLOCK PREDICATE security.tenant_predicate(tenant_id) ON dbo.tenders,
    ADD FILTER PREDICATE security.tenant_predicate(tenant_id) ON dbo.tender_units,
    ADD BLOCK PREDICATE security.tenant_predicate(tenant_id) ON dbo.tender_units;
GO

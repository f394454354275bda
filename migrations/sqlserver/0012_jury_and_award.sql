-- The neighbourhood jury of a tender and its award (see the SQLite script for the model).
ALTER TABLE dbo.tenders DROP CONSTRAINT ck_tenders_status;
ALTER TABLE dbo.tenders ADD CONSTRAINT ck_tenders_status
    CHECK (status IN ('draft', 'published', 'closed', 'shortlisted', 'pitching', 'awarded', 'cancelled'));
ALTER TABLE dbo.tender_applications DROP CONSTRAINT ck_tender_applications_status;
ALTER TABLE dbo.tender_applications ADD CONSTRAINT ck_tender_applications_status
    CHECK (status IN ('submitted', 'eligible', 'ineligible', 'withdrawn', 'shortlisted', 'not_selected', 'awarded', 'rejected'));
ALTER TABLE dbo.tender_applications ADD jury_outcome NVARCHAR(MAX) NULL;
GO

CREATE TABLE dbo.tender_jurors (
    id          UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_tender_jurors PRIMARY KEY,
    tenant_id   UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_tender_jurors_tenant REFERENCES dbo.tenants (id),
    tender_id   UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_tender_jurors_tender REFERENCES dbo.tenders (id),
    name        NVARCHAR(200)    NOT NULL,
    role        VARCHAR(16)      NOT NULL CONSTRAINT ck_tender_jurors_role CHECK (role IN ('resident', 'professional')),
    key_hash    CHAR(64)         NOT NULL,
    created_at  DATETIMEOFFSET   NOT NULL,
    revoked_at  DATETIMEOFFSET   NULL,
    version     INT              NOT NULL
);
CREATE UNIQUE INDEX ux_tender_jurors_key ON dbo.tender_jurors (key_hash);
CREATE INDEX ix_tender_jurors_tender ON dbo.tender_jurors (tenant_id, tender_id, id);

CREATE TABLE dbo.jury_conflicts (
    tenant_id       UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_jury_conflicts_tenant REFERENCES dbo.tenants (id),
    tender_id       UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_jury_conflicts_tender REFERENCES dbo.tenders (id),
    juror_id        UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_jury_conflicts_juror REFERENCES dbo.tender_jurors (id),
    application_id  UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_jury_conflicts_application REFERENCES dbo.tender_applications (id),
    reason          NVARCHAR(1000)   NOT NULL,
    declared_at     DATETIMEOFFSET   NOT NULL,
    CONSTRAINT pk_jury_conflicts PRIMARY KEY (juror_id, application_id)
);
CREATE INDEX ix_jury_conflicts_tender ON dbo.jury_conflicts (tenant_id, tender_id);

CREATE TABLE dbo.jury_scores (
    tenant_id       UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_jury_scores_tenant REFERENCES dbo.tenants (id),
    tender_id       UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_jury_scores_tender REFERENCES dbo.tenders (id),
    juror_id        UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_jury_scores_juror REFERENCES dbo.tender_jurors (id),
    application_id  UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_jury_scores_application REFERENCES dbo.tender_applications (id),
    criterion_key   VARCHAR(40)      NOT NULL,
    score           INT              NOT NULL CONSTRAINT ck_jury_scores_score CHECK (score BETWEEN 1 AND 10),
    comment         NVARCHAR(2000)   NULL,
    scored_at       DATETIMEOFFSET   NOT NULL,
    CONSTRAINT pk_jury_scores PRIMARY KEY (juror_id, application_id, criterion_key)
);
CREATE INDEX ix_jury_scores_tender ON dbo.jury_scores (tenant_id, tender_id, application_id);

CREATE TABLE dbo.tender_awards (
    tenant_id       UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_tender_awards_tenant REFERENCES dbo.tenants (id),
    tender_id       UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_tender_awards PRIMARY KEY CONSTRAINT fk_tender_awards_tender REFERENCES dbo.tenders (id),
    application_id  UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_tender_awards_application REFERENCES dbo.tender_applications (id),
    jury_report     NVARCHAR(4000)   NOT NULL,
    lease_id        UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_tender_awards_lease REFERENCES dbo.leases (id),
    discount_id     UNIQUEIDENTIFIER NULL CONSTRAINT fk_tender_awards_discount REFERENCES dbo.discounts (id),
    awarded_at      DATETIMEOFFSET   NOT NULL
);
GO

ALTER SECURITY POLICY security.tenant_isolation
    ADD FILTER PREDICATE security.tenant_predicate(tenant_id) ON dbo.tender_jurors,
    ADD BLOCK PREDICATE security.tenant_predicate(tenant_id) ON dbo.tender_jurors,
    ADD FILTER PREDICATE security.tenant_predicate(tenant_id) ON dbo.jury_conflicts,
    ADD BLOCK PREDICATE security.tenant_predicate(tenant_id) ON dbo.jury_conflicts,
    ADD FILTER PREDICATE security.tenant_predicate(tenant_id) ON dbo.jury_scores,
    ADD BLOCK PREDICATE security.tenant_predicate(tenant_id) ON dbo.jury_scores,
    ADD FILTER PREDICATE security.tenant_predicate(tenant_id) ON dbo.tender_awards,
    ADD BLOCK PREDICATE security.tenant_predicate(tenant_id) ON dbo.tender_awards;
GO

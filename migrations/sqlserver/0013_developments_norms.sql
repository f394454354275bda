-- Development programmes: a housing development of a corporation or a municipality, with the business space it replaces.
-- neighbourhood_codes is a space-separated list with a space at each end, so one LIKE finds an item.
CREATE TABLE dbo.developments (
    id                     UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_developments PRIMARY KEY,
    tenant_id              UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_developments_tenant REFERENCES dbo.tenants (id),
    name                   NVARCHAR(200)    NOT NULL,
    municipality_code      VARCHAR(6)       NOT NULL,
    neighbourhood_codes    VARCHAR(600)     NOT NULL,
    dwellings_added        INT              NOT NULL,
    dwellings_removed      INT              NOT NULL,
    work_space_removed_m2  INT              NOT NULL,
    created_at             DATETIMEOFFSET   NOT NULL,
    updated_at             DATETIMEOFFSET   NOT NULL,
    version                INT              NOT NULL
);
CREATE INDEX ix_developments_tenant ON dbo.developments (tenant_id, id);
CREATE INDEX ix_developments_municipality ON dbo.developments (municipality_code, tenant_id);

-- A programme version is written once and never changes: number 1 is the original, the highest the current one.
CREATE TABLE dbo.programme_versions (
    id              UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_programme_versions PRIMARY KEY,
    tenant_id       UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_programme_versions_tenant REFERENCES dbo.tenants (id),
    development_id  UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_programme_versions_development REFERENCES dbo.developments (id),
    number          INT              NOT NULL,
    decided_on      DATE             NOT NULL,
    reason          NVARCHAR(2000)   NULL,
    created_at      DATETIMEOFFSET   NOT NULL,
    created_by      VARCHAR(100)     NOT NULL,
    CONSTRAINT uq_programme_versions_number UNIQUE (tenant_id, development_id, number)
);
CREATE INDEX ix_programme_versions_development ON dbo.programme_versions (tenant_id, development_id, id);

-- One line per function of a version: its floor area and the part of it let as affordable work space.
CREATE TABLE dbo.programme_lines (
    tenant_id      UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_programme_lines_tenant REFERENCES dbo.tenants (id),
    version_id     UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_programme_lines_version REFERENCES dbo.programme_versions (id),
    line_function  VARCHAR(16)      NOT NULL CONSTRAINT ck_programme_lines_function CHECK (line_function IN ('housing', 'work', 'facilities', 'horeca', 'social')),
    m2             INT              NOT NULL,
    affordable_m2  INT              NOT NULL,
    CONSTRAINT pk_programme_lines PRIMARY KEY (version_id, line_function)
);
CREATE INDEX ix_programme_lines_tenant ON dbo.programme_lines (tenant_id, version_id);

-- A municipality's norms for work space in developments, each from a day on. neighbourhood_codes is a space-separated
-- list with a space at each end, or NULL for the whole municipality.
CREATE TABLE dbo.norms (
    id                                    UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_norms PRIMARY KEY,
    tenant_id                             UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_norms_tenant REFERENCES dbo.tenants (id),
    kind                                  VARCHAR(64)      NOT NULL CONSTRAINT ck_norms_kind CHECK (kind IN ('m2_work_space_per_added_dwelling',
                                          'work_share_of_programme_percent', 'affordable_share_of_work_space_percent',
                                          'non_residential_function_share_percent', 'no_net_loss')),
    value                                 DECIMAL(9, 2)    NOT NULL,
    municipality_code                     VARCHAR(6)       NOT NULL,
    neighbourhood_codes                   VARCHAR(600)     NULL,
    valid_from                            DATE             NOT NULL,
    max_affordable_rent_cents_per_m2_year BIGINT           NULL,
    created_at                            DATETIMEOFFSET   NOT NULL,
    updated_at                            DATETIMEOFFSET   NOT NULL,
    version                               INT              NOT NULL
);
CREATE INDEX ix_norms_tenant ON dbo.norms (tenant_id, id);
GO

ALTER SECURITY POLICY security.tenant_isolation
    ADD FILTER PREDICATE security.tenant_predicate(tenant_id) ON dbo.developments,
    ADD BLOCK PREDICATE security.tenant_predicate(tenant_id) ON dbo.developments,
    ADD FILTER PREDICATE security.tenant_predicate(tenant_id) ON dbo.programme_versions,
    ADD BLOCK PREDICATE security.tenant_predicate(tenant_id) ON dbo.programme_versions,
    ADD FILTER PREDICATE security.tenant_predicate(tenant_id) ON dbo.programme_lines,
    ADD BLOCK PREDICATE security.tenant_predicate(tenant_id) ON dbo.programme_lines,
    ADD FILTER PREDICATE security.tenant_predicate(tenant_id) ON dbo.norms,
    ADD BLOCK PREDICATE security.tenant_predicate(tenant_id) ON dbo.norms;
GO

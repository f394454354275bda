-- Plinths, their units and the leases of those units; every row belongs to one tenant.
CREATE TABLE dbo.plinths (
    id                     UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_plinths PRIMARY KEY,
    tenant_id              UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_plinths_tenant REFERENCES dbo.tenants (id),
    name                   NVARCHAR(200)    NOT NULL,
    street                 NVARCHAR(200)    NOT NULL,
    house_number           INT              NOT NULL,
    house_number_addition  NVARCHAR(10)     NULL,
    postcode               CHAR(7)          NOT NULL,
    city                   NVARCHAR(100)    NOT NULL,
    municipality_code      CHAR(6)          NOT NULL,
    neighbourhood_code     CHAR(10)         NOT NULL,
    dwellings_above        INT              NOT NULL,
    plinth_area_m2         DECIMAL(12, 2)   NOT NULL,
    theme                  NVARCHAR(100)    NULL,
    priority_neighbourhood BIT              NOT NULL,
    created_at             DATETIMEOFFSET   NOT NULL,
    updated_at             DATETIMEOFFSET   NOT NULL,
    version                INT              NOT NULL
);
CREATE INDEX ix_plinths_tenant ON dbo.plinths (tenant_id, id);
GO

CREATE TABLE dbo.units (
    id                          UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_units PRIMARY KEY,
    tenant_id                   UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_units_tenant REFERENCES dbo.tenants (id),
    plinth_id                   UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_units_plinth REFERENCES dbo.plinths (id),
    name                        NVARCHAR(200)    NOT NULL,
    category                    CHAR(3)          NOT NULL CONSTRAINT ck_units_category CHECK (category IN ('BED', 'MOG')),
    detail_code                 CHAR(3)          NOT NULL,
    area_m2                     DECIMAL(12, 2)   NOT NULL,
    market_rent_cents_per_year  BIGINT           NULL,
    valuation_date              DATE             NULL,
    valuation_source            NVARCHAR(200)    NULL,
    target_rent_cents_per_year  BIGINT           NULL,
    status                      VARCHAR(16)      NOT NULL CONSTRAINT ck_units_status CHECK (status IN ('vacant', 'in_tender', 'unavailable')),
    environmental_category      INT              NULL,
    created_at                  DATETIMEOFFSET   NOT NULL,
    updated_at                  DATETIMEOFFSET   NOT NULL,
    version                     INT              NOT NULL
);
CREATE INDEX ix_units_tenant ON dbo.units (tenant_id, id);
CREATE INDEX ix_units_plinth ON dbo.units (tenant_id, plinth_id, id);
GO

CREATE TABLE dbo.unit_classifications (
    id                 UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_unit_classifications PRIMARY KEY,
    tenant_id          UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_unit_classifications_tenant REFERENCES dbo.tenants (id),
    unit_id            UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_unit_classifications_unit REFERENCES dbo.units (id),
    from_category      CHAR(3)          NOT NULL,
    from_detail_code   CHAR(3)          NOT NULL,
    to_category        CHAR(3)          NOT NULL,
    to_detail_code     CHAR(3)          NOT NULL,
    reason             NVARCHAR(1000)   NOT NULL,
    changed_at         DATETIMEOFFSET   NOT NULL,
    changed_by         VARCHAR(100)     NOT NULL
);
CREATE INDEX ix_unit_classifications_unit ON dbo.unit_classifications (tenant_id, unit_id, changed_at);
GO

CREATE TABLE dbo.leases (
    id                         UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_leases PRIMARY KEY,
    tenant_id                  UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_leases_tenant REFERENCES dbo.tenants (id),
    unit_id                    UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_leases_unit REFERENCES dbo.units (id),
    lessee_name                NVARCHAR(200)    NOT NULL,
    lessee_kvk_number          CHAR(8)          NOT NULL,
    lessee_sbi_code            VARCHAR(5)       NULL,
    lessee_contact_email       NVARCHAR(254)    NOT NULL,
    regime                     VARCHAR(8)       NOT NULL CONSTRAINT ck_leases_regime CHECK (regime IN ('7:290', '7:230a', 'other')),
    start_date                 DATE             NOT NULL,
    end_date                   DATE             NULL,
    base_rent_cents_per_month  BIGINT           NOT NULL,
    termination_reason         NVARCHAR(1000)   NULL,
    terminated_at              DATETIMEOFFSET   NULL,
    created_at                 DATETIMEOFFSET   NOT NULL,
    updated_at                 DATETIMEOFFSET   NOT NULL,
    version                    INT              NOT NULL
);
CREATE INDEX ix_leases_tenant ON dbo.leases (tenant_id, id);
CREATE INDEX ix_leases_unit ON dbo.leases (tenant_id, unit_id, start_date);
CREATE INDEX ix_leases_lessee ON dbo.leases (tenant_id, lessee_kvk_number, id);
GO

CREATE TABLE dbo.audit_events (
    id           UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_audit_events PRIMARY KEY,
    tenant_id    UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_audit_events_tenant REFERENCES dbo.tenants (id),
    entity_type  VARCHAR(32)      NOT NULL,
    entity_id    UNIQUEIDENTIFIER NOT NULL,
    action       VARCHAR(32)      NOT NULL,
    client_id    VARCHAR(100)     NOT NULL,
    occurred_at  DATETIMEOFFSET   NOT NULL,
    changes      NVARCHAR(MAX)    NOT NULL
);
CREATE INDEX ix_audit_entity ON dbo.audit_events (tenant_id, entity_type, entity_id, id);
CREATE INDEX ix_audit_tenant ON dbo.audit_events (tenant_id, id);
GO

CREATE TABLE dbo.idempotency_keys (
    client_id       VARCHAR(100)   NOT NULL,
    idempotency_key VARCHAR(255)   NOT NULL,
    request_hash    CHAR(64)       NOT NULL,
    status_code     INT            NULL,
    content_type    VARCHAR(100)   NULL,
    location        NVARCHAR(2048) NULL,
    etag            VARCHAR(100)   NULL,
    body            NVARCHAR(MAX)  NULL,
    created_at      DATETIMEOFFSET NOT NULL,
    CONSTRAINT pk_idempotency_keys PRIMARY KEY (client_id, idempotency_key)
);
GO

-- Second wall besides the tenant filter in every statement: a connection that names a tenant
-- (SESSION_CONTEXT 'tenant_id', set by the API) sees and writes only that tenant's rows.
CREATE SCHEMA security;
GO

CREATE FUNCTION security.tenant_predicate (@tenant_id UNIQUEIDENTIFIER)
RETURNS TABLE
WITH SCHEMABINDING
AS RETURN
    SELECT 1 AS allowed
    WHERE SESSION_CONTEXT(N'tenant_id') IS NULL
       OR @tenant_id = CAST(SESSION_CONTEXT(N'tenant_id') AS UNIQUEIDENTIFIER);
GO

CREATE SECURITY POLICY security.tenant_isolation
    ADD FILTER PREDICATE security.tenant_predicate(tenant_id) ON dbo.plinths,
    ADD BLOCK PREDICATE security.tenant_predicate(tenant_id) ON dbo.plinths,
    ADD FILTER PREDICATE security.tenant_predicate(tenant_id) ON dbo.units,
    ADD BLOCK PREDICATE security.tenant_predicate(tenant_id) ON dbo.units,
    ADD FILTER PREDICATE security.tenant_predicate(tenant_id) ON dbo.unit_classifications,
    ADD BLOCK PREDICATE security.tenant_predicate(tenant_id) ON dbo.unit_classifications,
    ADD FILTER PREDICATE security.tenant_predicate(tenant_id) ON dbo.leases,
    ADD BLOCK PREDICATE security.tenant_predicate(tenant_id) ON dbo.leases,
    ADD FILTER PREDICATE security.tenant_predicate(tenant_id) ON dbo.audit_events,
    ADD BLOCK PREDICATE security.tenant_predicate(tenant_id) ON dbo.audit_events
    WITH (STATE = ON);
GO

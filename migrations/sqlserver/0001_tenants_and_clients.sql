-- Tenants and the OAuth clients that act for them (or for the platform when tenant_id is NULL).
CREATE TABLE dbo.tenants (
    id                UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_tenants PRIMARY KEY,
    slug              VARCHAR(63)      NOT NULL CONSTRAINT uq_tenants_slug UNIQUE,
    name              NVARCHAR(200)    NOT NULL,
    kind              VARCHAR(32)      NOT NULL
        CONSTRAINT ck_tenants_kind CHECK (kind IN ('municipality', 'housing_corporation', 'collective')),
    municipality_code CHAR(6)          NOT NULL,
    kvk_number        CHAR(8)          NULL,
    created_at        DATETIMEOFFSET   NOT NULL
);
GO

CREATE TABLE dbo.api_clients (
    client_id    VARCHAR(100)     NOT NULL CONSTRAINT pk_api_clients PRIMARY KEY,
    tenant_id    UNIQUEIDENTIFIER NULL CONSTRAINT fk_api_clients_tenant REFERENCES dbo.tenants (id),
    display_name NVARCHAR(200)    NOT NULL,
    secret_hash  VARCHAR(128)     NOT NULL,
    scopes       VARCHAR(1000)    NOT NULL,
    created_at   DATETIMEOFFSET   NOT NULL,
    revoked_at   DATETIMEOFFSET   NULL
);
GO

CREATE INDEX ix_api_clients_tenant ON dbo.api_clients (tenant_id, client_id);
GO

-- Sharing grants: an owner tenant lets a grantee tenant read some of its resources (owned by the owner, tenant_id).
-- resources, municipality_codes and plinth_ids are space-separated lists with a space at each end, so one LIKE finds an item.
CREATE TABLE dbo.sharing_grants (
    id                  UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_sharing_grants PRIMARY KEY,
    tenant_id           UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_sharing_grants_owner REFERENCES dbo.tenants (id),
    grantee_tenant_id   UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_sharing_grants_grantee REFERENCES dbo.tenants (id),
    resources           VARCHAR(100)     NOT NULL,
    municipality_codes  VARCHAR(400)     NULL,
    plinth_ids          VARCHAR(4000)    NULL,
    purpose             NVARCHAR(1000)   NOT NULL,
    valid_from          DATE             NOT NULL,
    valid_until         DATE             NULL,
    created_at          DATETIMEOFFSET   NOT NULL,
    created_by          VARCHAR(100)     NOT NULL,
    revoked_at          DATETIMEOFFSET   NULL,
    revoked_on          DATE             NULL,
    revoked_by          VARCHAR(100)     NULL,
    created_notified    BIT              NOT NULL CONSTRAINT df_sharing_grants_created_notified DEFAULT 0,
    revoked_notified    BIT              NOT NULL CONSTRAINT df_sharing_grants_revoked_notified DEFAULT 0,
    CONSTRAINT ck_sharing_grants_not_self CHECK (grantee_tenant_id <> tenant_id)
);
CREATE INDEX ix_sharing_grants_owner ON dbo.sharing_grants (tenant_id, id);
CREATE INDEX ix_sharing_grants_grantee ON dbo.sharing_grants (grantee_tenant_id, id);
CREATE INDEX ix_sharing_grants_created_notice ON dbo.sharing_grants (created_notified);
CREATE INDEX ix_sharing_grants_revoked_notice ON dbo.sharing_grants (revoked_notified, revoked_at);
GO

-- A grant is visible to its owner and to its grantee (received grants); only the owner writes it.
CREATE FUNCTION security.sharing_grant_predicate (@tenant_id UNIQUEIDENTIFIER, @grantee_tenant_id UNIQUEIDENTIFIER)
RETURNS TABLE
WITH SCHEMABINDING
AS RETURN
    SELECT 1 AS allowed
    WHERE SESSION_CONTEXT(N'tenant_id') IS NULL
       OR @tenant_id = CAST(SESSION_CONTEXT(N'tenant_id') AS UNIQUEIDENTIFIER)
       OR @grantee_tenant_id = CAST(SESSION_CONTEXT(N'tenant_id') AS UNIQUEIDENTIFIER);
GO

ALTER SECURITY POLICY security.tenant_isolation
    ADD FILTER PREDICATE security.sharing_grant_predicate(tenant_id, grantee_tenant_id) ON dbo.sharing_grants,
    ADD BLOCK PREDICATE security.tenant_predicate(tenant_id) ON dbo.sharing_grants;
GO

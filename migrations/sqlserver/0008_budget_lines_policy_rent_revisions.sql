-- Base rents that change on a date: a lease keeps the rent agreed at its start, and each revision sets the base
-- rent from the first day of its month on. Past months never change, so a revision never starts before the month
-- it is made in.
CREATE TABLE dbo.rent_revisions (
    id                         UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_rent_revisions PRIMARY KEY,
    tenant_id                  UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_rent_revisions_tenant REFERENCES dbo.tenants (id),
    lease_id                   UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_rent_revisions_lease REFERENCES dbo.leases (id),
    effective_from             DATE             NOT NULL,
    base_rent_cents_per_month  BIGINT           NOT NULL,
    reason                     VARCHAR(16)      NOT NULL CONSTRAINT ck_rent_revisions_reason CHECK (reason IN ('indexation', 'renegotiation', 'other')),
    created_at                 DATETIMEOFFSET   NOT NULL,
    created_by                 VARCHAR(100)     NOT NULL,
    CONSTRAINT uq_rent_revisions_month UNIQUE (tenant_id, lease_id, effective_from)
);
CREATE INDEX ix_rent_revisions_lease ON dbo.rent_revisions (tenant_id, lease_id, id);
GO

ALTER SECURITY POLICY security.tenant_isolation
    ADD FILTER PREDICATE security.tenant_predicate(tenant_id) ON dbo.rent_revisions,
    ADD BLOCK PREDICATE security.tenant_predicate(tenant_id) ON dbo.rent_revisions;
GO

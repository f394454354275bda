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

-- Budgets are lines with a yearly amount: a discount names its line, and each month's discount money is charged to
-- the line's budget of the year the month falls in. A budget's name becomes its line, a discount's budget the line
-- of that budget.
EXEC sp_rename 'dbo.discount_budgets.name', 'line', 'COLUMN';
ALTER TABLE dbo.discounts ADD budget_line NVARCHAR(200) NULL;
GO

CREATE UNIQUE INDEX ux_discount_budgets_line_year ON dbo.discount_budgets (tenant_id, line, year);
UPDATE d SET d.budget_line = b.line
FROM dbo.discounts d JOIN dbo.discount_budgets b ON b.tenant_id = d.tenant_id AND b.id = d.budget_id;
DROP INDEX ix_discounts_budget ON dbo.discounts;
ALTER TABLE dbo.discounts DROP CONSTRAINT fk_discounts_budget;
ALTER TABLE dbo.discounts DROP COLUMN budget_id;
CREATE INDEX ix_discounts_budget_line ON dbo.discounts (tenant_id, budget_line);
GO

-- A tenant's discount policy (Staedion: 10–40 % below the market rent, one year, only in priority neighbourhoods);
-- every rule is optional, and a tenant without a row has no policy.
CREATE TABLE dbo.discount_policies (
    tenant_id                     UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_discount_policies PRIMARY KEY
                                  CONSTRAINT fk_discount_policies_tenant REFERENCES dbo.tenants (id),
    min_below_market_percent      INT              NULL,
    max_below_market_percent      INT              NULL,
    max_term_months               INT              NULL,
    priority_neighbourhoods_only  BIT              NULL,
    updated_at                    DATETIMEOFFSET   NOT NULL,
    version                       INT              NOT NULL
);
GO

ALTER SECURITY POLICY security.tenant_isolation
    ADD FILTER PREDICATE security.tenant_predicate(tenant_id) ON dbo.discount_policies,
    ADD BLOCK PREDICATE security.tenant_predicate(tenant_id) ON dbo.discount_policies;
GO

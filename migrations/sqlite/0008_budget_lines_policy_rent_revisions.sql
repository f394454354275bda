-- Base rents that change on a date: a lease keeps the rent agreed at its start, and each revision sets the base
-- rent from the first day of its month on. Past months never change, so a revision never starts before the month
-- it is made in.
CREATE TABLE rent_revisions (
    id                         TEXT    NOT NULL PRIMARY KEY,
    tenant_id                  TEXT    NOT NULL REFERENCES tenants (id),
    lease_id                   TEXT    NOT NULL REFERENCES leases (id),
    effective_from             TEXT    NOT NULL,
    base_rent_cents_per_month  INTEGER NOT NULL,
    reason                     TEXT    NOT NULL,
    created_at                 TEXT    NOT NULL,
    created_by                 TEXT    NOT NULL,
    UNIQUE (tenant_id, lease_id, effective_from)
);
CREATE INDEX ix_rent_revisions_lease ON rent_revisions (tenant_id, lease_id, id);

-- Budgets are lines with a yearly amount: a discount names its line, and each month's discount money is charged to
-- the line's budget of the year the month falls in. A budget's name becomes its line, a discount's budget the line
-- of that budget. SQLite cannot drop a column that a foreign key names: discounts.budget_id stays, always NULL.
ALTER TABLE discount_budgets RENAME COLUMN name TO line;
CREATE UNIQUE INDEX ux_discount_budgets_line_year ON discount_budgets (tenant_id, line, year);
ALTER TABLE discounts ADD COLUMN budget_line TEXT NULL;
UPDATE discounts
SET budget_line = (SELECT b.line FROM discount_budgets b WHERE b.tenant_id = discounts.tenant_id AND b.id = discounts.budget_id),
    budget_id = NULL;
CREATE INDEX ix_discounts_budget_line ON discounts (tenant_id, budget_line);

-- A tenant's discount policy (Staedion: 10–40 % below the market rent, one year, only in priority neighbourhoods);
-- every rule is optional, and a tenant without a row has no policy.
CREATE TABLE discount_policies (
    tenant_id                     TEXT    NOT NULL PRIMARY KEY REFERENCES tenants (id),
    min_below_market_percent      INTEGER NULL,
    max_below_market_percent      INTEGER NULL,
    max_term_months               INTEGER NULL,
    priority_neighbourhoods_only  INTEGER NULL,
    updated_at                    TEXT    NOT NULL,
    version                       INTEGER NOT NULL
);

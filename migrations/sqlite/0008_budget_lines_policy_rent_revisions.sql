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

-- Plinths, their units and the leases of those units; every row belongs to one tenant.
CREATE TABLE plinths (
    id                     TEXT    NOT NULL PRIMARY KEY,
    tenant_id              TEXT    NOT NULL REFERENCES tenants (id),
    name                   TEXT    NOT NULL,
    street                 TEXT    NOT NULL,
    house_number           INTEGER NOT NULL,
    house_number_addition  TEXT    NULL,
    postcode               TEXT    NOT NULL,
    city                   TEXT    NOT NULL,
    municipality_code      TEXT    NOT NULL,
    neighbourhood_code     TEXT    NOT NULL,
    dwellings_above        INTEGER NOT NULL,
    plinth_area_m2         REAL    NOT NULL,
    theme                  TEXT    NULL,
    priority_neighbourhood INTEGER NOT NULL,
    created_at             TEXT    NOT NULL,
    updated_at             TEXT    NOT NULL,
    version                INTEGER NOT NULL
);
CREATE INDEX ix_plinths_tenant ON plinths (tenant_id, id);

CREATE TABLE units (
    id                          TEXT    NOT NULL PRIMARY KEY,
    tenant_id                   TEXT    NOT NULL REFERENCES tenants (id),
    plinth_id                   TEXT    NOT NULL REFERENCES plinths (id),
    name                        TEXT    NOT NULL,
    category                    TEXT    NOT NULL CHECK (category IN ('BED', 'MOG')),
    detail_code                 TEXT    NOT NULL,
    area_m2                     REAL    NOT NULL,
    market_rent_cents_per_year  INTEGER NULL,
    valuation_date              TEXT    NULL,
    valuation_source            TEXT    NULL,
    target_rent_cents_per_year  INTEGER NULL,
    status                      TEXT    NOT NULL CHECK (status IN ('vacant', 'in_tender', 'unavailable')),
    environmental_category      INTEGER NULL,
    created_at                  TEXT    NOT NULL,
    updated_at                  TEXT    NOT NULL,
    version                     INTEGER NOT NULL
);
CREATE INDEX ix_units_tenant ON units (tenant_id, id);
CREATE INDEX ix_units_plinth ON units (tenant_id, plinth_id, id);

CREATE TABLE unit_classifications (
    id                 TEXT NOT NULL PRIMARY KEY,
    tenant_id          TEXT NOT NULL REFERENCES tenants (id),
    unit_id            TEXT NOT NULL REFERENCES units (id),
    from_category      TEXT NOT NULL,
    from_detail_code   TEXT NOT NULL,
    to_category        TEXT NOT NULL,
    to_detail_code     TEXT NOT NULL,
    reason             TEXT NOT NULL,
    changed_at         TEXT NOT NULL,
    changed_by         TEXT NOT NULL
);
CREATE INDEX ix_unit_classifications_unit ON unit_classifications (tenant_id, unit_id, changed_at);

CREATE TABLE leases (
    id                         TEXT    NOT NULL PRIMARY KEY,
    tenant_id                  TEXT    NOT NULL REFERENCES tenants (id),
    unit_id                    TEXT    NOT NULL REFERENCES units (id),
    lessee_name                TEXT    NOT NULL,
    lessee_kvk_number          TEXT    NOT NULL,
    lessee_sbi_code            TEXT    NULL,
    lessee_contact_email       TEXT    NOT NULL,
    regime                     TEXT    NOT NULL CHECK (regime IN ('7:290', '7:230a', 'other')),
    start_date                 TEXT    NOT NULL,
    end_date                   TEXT    NULL,
    base_rent_cents_per_month  INTEGER NOT NULL,
    termination_reason         TEXT    NULL,
    terminated_at              TEXT    NULL,
    created_at                 TEXT    NOT NULL,
    updated_at                 TEXT    NOT NULL,
    version                    INTEGER NOT NULL
);
CREATE INDEX ix_leases_tenant ON leases (tenant_id, id);
CREATE INDEX ix_leases_unit ON leases (tenant_id, unit_id, start_date);
CREATE INDEX ix_leases_lessee ON leases (tenant_id, lessee_kvk_number, id);

CREATE TABLE audit_events (
    id           TEXT NOT NULL PRIMARY KEY,
    tenant_id    TEXT NOT NULL REFERENCES tenants (id),
    entity_type  TEXT NOT NULL,
    entity_id    TEXT NOT NULL,
    action       TEXT NOT NULL,
    client_id    TEXT NOT NULL,
    occurred_at  TEXT NOT NULL,
    changes      TEXT NOT NULL
);
CREATE INDEX ix_audit_entity ON audit_events (tenant_id, entity_type, entity_id, id);
CREATE INDEX ix_audit_tenant ON audit_events (tenant_id, id);

CREATE TABLE idempotency_keys (
    client_id     TEXT    NOT NULL,
    idempotency_key TEXT  NOT NULL,
    request_hash  TEXT    NOT NULL,
    status_code   INTEGER NULL,
    content_type  TEXT    NULL,
    location      TEXT    NULL,
    etag          TEXT    NULL,
    body          TEXT    NULL,
    created_at    TEXT    NOT NULL,
    PRIMARY KEY (client_id, idempotency_key)
);

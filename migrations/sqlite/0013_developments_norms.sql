-- Development programmes: a housing development of a corporation or a municipality, with the business space it replaces.
-- neighbourhood_codes is a space-separated list with a space at each end, so one LIKE finds an item.
CREATE TABLE developments (
    id                     TEXT    NOT NULL PRIMARY KEY,
    tenant_id              TEXT    NOT NULL REFERENCES tenants (id),
    name                   TEXT    NOT NULL,
    municipality_code      TEXT    NOT NULL,
    neighbourhood_codes    TEXT    NOT NULL,
    dwellings_added        INTEGER NOT NULL,
    dwellings_removed      INTEGER NOT NULL,
    work_space_removed_m2  INTEGER NOT NULL,
    created_at             TEXT    NOT NULL,
    updated_at             TEXT    NOT NULL,
    version                INTEGER NOT NULL
);
CREATE INDEX ix_developments_tenant ON developments (tenant_id, id);
CREATE INDEX ix_developments_municipality ON developments (municipality_code, tenant_id);

-- A programme version is written once and never changes: number 1 is the original, the highest the current one.
CREATE TABLE programme_versions (
    id              TEXT    NOT NULL PRIMARY KEY,
    tenant_id       TEXT    NOT NULL REFERENCES tenants (id),
    development_id  TEXT    NOT NULL REFERENCES developments (id),
    number          INTEGER NOT NULL,
    decided_on      TEXT    NOT NULL,
    reason          TEXT    NULL,
    created_at      TEXT    NOT NULL,
    created_by      TEXT    NOT NULL,
    UNIQUE (tenant_id, development_id, number)
);
CREATE INDEX ix_programme_versions_development ON programme_versions (tenant_id, development_id, id);

-- One line per function of a version: its floor area and the part of it let as affordable work space.
CREATE TABLE programme_lines (
    tenant_id      TEXT    NOT NULL REFERENCES tenants (id),
    version_id     TEXT    NOT NULL REFERENCES programme_versions (id),
    line_function  TEXT    NOT NULL,
    m2             INTEGER NOT NULL,
    affordable_m2  INTEGER NOT NULL,
    PRIMARY KEY (version_id, line_function)
);
CREATE INDEX ix_programme_lines_tenant ON programme_lines (tenant_id, version_id);

-- A municipality's norms for work space in developments, each from a day on. neighbourhood_codes is a space-separated
-- list with a space at each end, or NULL for the whole municipality.
CREATE TABLE norms (
    id                                    TEXT    NOT NULL PRIMARY KEY,
    tenant_id                             TEXT    NOT NULL REFERENCES tenants (id),
    kind                                  TEXT    NOT NULL,
    value                                 REAL    NOT NULL,
    municipality_code                     TEXT    NOT NULL,
    neighbourhood_codes                   TEXT    NULL,
    valid_from                            TEXT    NOT NULL,
    max_affordable_rent_cents_per_m2_year INTEGER NULL,
    created_at                            TEXT    NOT NULL,
    updated_at                            TEXT    NOT NULL,
    version                               INTEGER NOT NULL
);
CREATE INDEX ix_norms_tenant ON norms (tenant_id, id);

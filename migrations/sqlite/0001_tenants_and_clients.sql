-- Tenants and the OAuth clients that act for them (or for the platform when tenant_id is NULL).
CREATE TABLE tenants (
    id                TEXT    NOT NULL PRIMARY KEY,
    slug              TEXT    NOT NULL UNIQUE,
    name              TEXT    NOT NULL,
    kind              TEXT    NOT NULL CHECK (kind IN ('municipality', 'housing_corporation', 'collective')),
    municipality_code TEXT    NOT NULL,
    kvk_number        TEXT    NULL,
    created_at        TEXT    NOT NULL
);

CREATE TABLE api_clients (
    client_id    TEXT NOT NULL PRIMARY KEY,
    tenant_id    TEXT NULL REFERENCES tenants (id),
    display_name TEXT NOT NULL,
    secret_hash  TEXT NOT NULL,
    scopes       TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    revoked_at   TEXT NULL
);

CREATE INDEX ix_api_clients_tenant ON api_clients (tenant_id, client_id);

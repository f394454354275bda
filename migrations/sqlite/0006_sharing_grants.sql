-- Sharing grants: an owner tenant lets a grantee tenant read some of its resources (owned by the owner, tenant_id).
-- resources, municipality_codes and plinth_ids are space-separated lists with a space at each end, so one LIKE finds an item.
CREATE TABLE sharing_grants (
    id                  TEXT NOT NULL PRIMARY KEY,
    tenant_id           TEXT NOT NULL REFERENCES tenants (id),
    grantee_tenant_id   TEXT NOT NULL REFERENCES tenants (id),
    resources           TEXT NOT NULL,
    municipality_codes  TEXT NULL,
    plinth_ids          TEXT NULL,
    purpose             TEXT NOT NULL,
    valid_from          TEXT NOT NULL,
    valid_until         TEXT NULL,
    created_at          TEXT NOT NULL,
    created_by          TEXT NOT NULL,
    revoked_at          TEXT NULL,
    revoked_on          TEXT NULL,
    revoked_by          TEXT NULL,
    created_notified    INTEGER NOT NULL DEFAULT 0,
    revoked_notified    INTEGER NOT NULL DEFAULT 0,
    CHECK (grantee_tenant_id <> tenant_id)
);
CREATE INDEX ix_sharing_grants_owner ON sharing_grants (tenant_id, id);
CREATE INDEX ix_sharing_grants_grantee ON sharing_grants (grantee_tenant_id, id);
CREATE INDEX ix_sharing_grants_created_notice ON sharing_grants (created_notified);
CREATE INDEX ix_sharing_grants_revoked_notice ON sharing_grants (revoked_notified, revoked_at);

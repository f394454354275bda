-- The grantee path reads an owner's rows only through this view: one row per unrevoked grant and each owner plinth its
-- filter admits (municipality codes, plinth ids; no filter admits all), with the grant's resource kinds and term, which
-- each grantee statement compares with the calendar day. Lists are space-separated with a space at each end (0006).
CREATE VIEW granted_plinths AS
SELECT g.id AS grant_id, g.tenant_id, g.grantee_tenant_id, g.resources, g.valid_from, g.valid_until, p.id AS plinth_id
FROM sharing_grants g
JOIN plinths p ON p.tenant_id = g.tenant_id
WHERE g.revoked_at IS NULL
  AND (g.municipality_codes IS NULL OR g.municipality_codes LIKE '% ' || p.municipality_code || ' %')
  AND (g.plinth_ids IS NULL OR g.plinth_ids LIKE '% ' || p.id || ' %');

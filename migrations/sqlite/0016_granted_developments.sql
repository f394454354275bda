-- The norms report reads a municipality's own developments and those of the owners that share their reports with it,
-- through this view: one row per unrevoked grant of `reports` and each owner development its filter admits (no
-- municipality filter, or the development's municipality among its codes; a grant limited to some plinths names no
-- development), with the grant's term, which the report compares with the calendar day. Lists as in 0006.
CREATE VIEW granted_developments AS
SELECT g.id AS grant_id, g.tenant_id, g.grantee_tenant_id, g.valid_from, g.valid_until, d.id AS development_id
FROM sharing_grants g
JOIN developments d ON d.tenant_id = g.tenant_id
WHERE g.revoked_at IS NULL
  AND g.resources LIKE '% reports %'
  AND (g.municipality_codes IS NULL OR g.municipality_codes LIKE '% ' || d.municipality_code || ' %')
  AND g.plinth_ids IS NULL;

-- The norms report counts the units on the plinths in the municipality (own and shared) per neighbourhood, and its
-- coverage finds the owners with plinths there.
CREATE INDEX ix_plinths_municipality ON plinths (municipality_code, tenant_id);

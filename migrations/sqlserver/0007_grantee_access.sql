-- The grantee path reads an owner's rows only through this view: one row per unrevoked grant and each owner plinth its
-- filter admits (municipality codes, plinth ids; no filter admits all), with the grant's resource kinds and term, which
-- each grantee statement compares with the calendar day. Lists are space-separated with a space at each end (0006).
CREATE VIEW dbo.granted_plinths AS
SELECT g.id AS grant_id, g.tenant_id, g.grantee_tenant_id, g.resources, g.valid_from, g.valid_until, p.id AS plinth_id
FROM dbo.sharing_grants g
JOIN dbo.plinths p ON p.tenant_id = g.tenant_id
WHERE g.revoked_at IS NULL
  AND (g.municipality_codes IS NULL OR g.municipality_codes LIKE '% ' + p.municipality_code + ' %')
  AND (g.plinth_ids IS NULL OR g.plinth_ids LIKE '% ' + LOWER(CONVERT(CHAR(36), p.id)) + ' %');
GO

-- The second wall learns the grantee path. A session names the tenant it acts for (SESSION_CONTEXT 'tenant_id'); a grantee
-- session also names the owner it reads ('owner_tenant_id') and the calendar day ('grant_day'). Reading plinths, units and
-- leases, such a session also sees the owner's rows while the owner has an unrevoked grant to it valid on that day. Writes
-- keep security.tenant_predicate as block predicate: only the session's own tenant, so a grantee session changes nothing of
-- the owner's. An owner session names itself as owner and no day, so the grant branch never admits a row for it.
CREATE FUNCTION security.tenant_read_predicate (@tenant_id UNIQUEIDENTIFIER)
RETURNS TABLE
WITH SCHEMABINDING
AS RETURN
    SELECT 1 AS allowed
    WHERE SESSION_CONTEXT(N'tenant_id') IS NULL
       OR @tenant_id = CAST(SESSION_CONTEXT(N'tenant_id') AS UNIQUEIDENTIFIER)
       OR (@tenant_id = CAST(SESSION_CONTEXT(N'owner_tenant_id') AS UNIQUEIDENTIFIER)
           AND EXISTS (SELECT 1 FROM dbo.sharing_grants g
                       WHERE g.tenant_id = @tenant_id
                         AND g.grantee_tenant_id = CAST(SESSION_CONTEXT(N'tenant_id') AS UNIQUEIDENTIFIER)
                         AND g.revoked_at IS NULL
                         AND g.valid_from <= CAST(SESSION_CONTEXT(N'grant_day') AS DATE)
                         AND (g.valid_until IS NULL OR g.valid_until >= CAST(SESSION_CONTEXT(N'grant_day') AS DATE))));
GO

ALTER SECURITY POLICY security.tenant_isolation
    ALTER FILTER PREDICATE security.tenant_read_predicate(tenant_id) ON dbo.plinths,
    ALTER FILTER PREDICATE security.tenant_read_predicate(tenant_id) ON dbo.units,
    ALTER FILTER PREDICATE security.tenant_read_predicate(tenant_id) ON dbo.leases;
GO

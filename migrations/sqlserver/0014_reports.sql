-- Reports: a unit's vacancy starts the day after its last lease ended, or on the day it was created; that day is kept in
-- the platform's calendar from now on. Units created before this script get the UTC date of their creation.
ALTER TABLE dbo.units ADD created_on DATE NULL;
GO

UPDATE dbo.units SET created_on = CAST(SWITCHOFFSET(created_at, '+00:00') AS DATE);
GO

-- Reports: a grantee of an owner's reports reads the money behind them (discounts, their periods and counter-performances,
-- evaluations, rent revisions), as it reads plinths, units and leases since 0007. Every grantee statement still narrows its
-- rows to the plinths the grant shares for the route's kind (the view granted_plinths); block predicates stay owner-only.
ALTER SECURITY POLICY security.tenant_isolation
    ALTER FILTER PREDICATE security.tenant_read_predicate(tenant_id) ON dbo.discounts,
    ALTER FILTER PREDICATE security.tenant_read_predicate(tenant_id) ON dbo.discount_periods,
    ALTER FILTER PREDICATE security.tenant_read_predicate(tenant_id) ON dbo.counter_performances,
    ALTER FILTER PREDICATE security.tenant_read_predicate(tenant_id) ON dbo.evaluations,
    ALTER FILTER PREDICATE security.tenant_read_predicate(tenant_id) ON dbo.rent_revisions;
GO

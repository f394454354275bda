-- The portfolio report summarises every unit's leases (let on the report's day, the last end before it) from this index
-- alone. The overlap check of a new lease reads the same columns.
DROP INDEX ix_leases_unit ON dbo.leases;
GO

CREATE INDEX ix_leases_unit ON dbo.leases (tenant_id, unit_id, start_date) INCLUDE (end_date);
GO

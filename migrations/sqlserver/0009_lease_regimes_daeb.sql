-- Lease regimes: the notice deadlines of 7:290 leases that end only by notice (art. 7:292/7:293 BW), one row per statutory
-- term, rewritten with every change of a lease's dates or regime; the reminder scan reads the rows whose reminder is due.
CREATE TABLE dbo.lease_notice_deadlines (
    id               UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_lease_notice_deadlines PRIMARY KEY,
    tenant_id        UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_lease_notice_deadlines_tenant REFERENCES dbo.tenants (id),
    lease_id         UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_lease_notice_deadlines_lease REFERENCES dbo.leases (id),
    term_end_date    DATE             NOT NULL,
    notice_deadline  DATE             NOT NULL,
    remind_on        DATE             NOT NULL,
    notified         BIT              NOT NULL CONSTRAINT df_lease_notice_deadlines_notified DEFAULT 0
);
CREATE INDEX ix_lease_notice_deadlines_lease ON dbo.lease_notice_deadlines (tenant_id, lease_id);
CREATE INDEX ix_lease_notice_deadlines_due ON dbo.lease_notice_deadlines (notified, remind_on);
GO

ALTER SECURITY POLICY security.tenant_isolation
    ADD FILTER PREDICATE security.tenant_predicate(tenant_id) ON dbo.lease_notice_deadlines,
    ADD BLOCK PREDICATE security.tenant_predicate(tenant_id) ON dbo.lease_notice_deadlines;
GO

-- DAEB follows the detail code, with an explicit override for the grey zone; the classification history keeps both.
ALTER TABLE dbo.units ADD daeb_override BIT NULL, daeb_override_reason NVARCHAR(1000) NULL;
ALTER TABLE dbo.unit_classifications ADD
    from_daeb            BIT            NOT NULL CONSTRAINT df_unit_classifications_from_daeb DEFAULT 0,
    to_daeb              BIT            NOT NULL CONSTRAINT df_unit_classifications_to_daeb DEFAULT 0,
    daeb_override        BIT            NULL,
    daeb_override_reason NVARCHAR(1000) NULL;
GO

UPDATE dbo.unit_classifications
SET from_daeb = CASE WHEN from_category = 'MOG' AND from_detail_code NOT IN ('MWR', 'WWR') THEN 1 ELSE 0 END,
    to_daeb = CASE WHEN to_category = 'MOG' AND to_detail_code NOT IN ('MWR', 'WWR') THEN 1 ELSE 0 END;
GO

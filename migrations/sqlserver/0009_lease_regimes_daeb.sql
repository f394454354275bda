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

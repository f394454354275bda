-- Webhook subscriptions, their deliveries (one per notification and webhook) and every delivery attempt.
CREATE TABLE dbo.webhooks (
    id          UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_webhooks PRIMARY KEY,
    tenant_id   UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_webhooks_tenant REFERENCES dbo.tenants (id),
    url         NVARCHAR(2048)   NOT NULL,
    events      VARCHAR(500)     NOT NULL,
    secret      VARCHAR(100)     NOT NULL,
    created_at  DATETIMEOFFSET   NOT NULL,
    deleted_at  DATETIMEOFFSET   NULL
);
CREATE INDEX ix_webhooks_tenant ON dbo.webhooks (tenant_id, id);
GO

CREATE TABLE dbo.webhook_deliveries (
    id                UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_webhook_deliveries PRIMARY KEY,
    tenant_id         UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_webhook_deliveries_tenant REFERENCES dbo.tenants (id),
    webhook_id        UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_webhook_deliveries_webhook REFERENCES dbo.webhooks (id),
    notification_id   UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_webhook_deliveries_notification REFERENCES dbo.notifications (id),
    event             VARCHAR(64)      NOT NULL,
    status            VARCHAR(16)      NOT NULL CONSTRAINT ck_webhook_deliveries_status CHECK (status IN ('pending', 'succeeded', 'failed')),
    attempts          INT              NOT NULL,
    next_attempt_at   DATETIMEOFFSET   NULL,
    created_at        DATETIMEOFFSET   NOT NULL,
    completed_at      DATETIMEOFFSET   NULL
);
CREATE INDEX ix_webhook_deliveries_webhook ON dbo.webhook_deliveries (tenant_id, webhook_id, id);
CREATE INDEX ix_webhook_deliveries_notification ON dbo.webhook_deliveries (notification_id);
CREATE INDEX ix_webhook_deliveries_pending ON dbo.webhook_deliveries (status, next_attempt_at);
GO

CREATE TABLE dbo.webhook_attempts (
    id             UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_webhook_attempts PRIMARY KEY,
    tenant_id      UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_webhook_attempts_tenant REFERENCES dbo.tenants (id),
    delivery_id    UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_webhook_attempts_delivery REFERENCES dbo.webhook_deliveries (id),
    number         INT              NOT NULL,
    attempted_at   DATETIMEOFFSET   NOT NULL,
    status_code    INT              NULL,
    error          NVARCHAR(1000)   NULL,
    duration_ms    INT              NOT NULL
);
CREATE INDEX ix_webhook_attempts_delivery ON dbo.webhook_attempts (tenant_id, delivery_id, number);
GO

ALTER SECURITY POLICY security.tenant_isolation
    ADD FILTER PREDICATE security.tenant_predicate(tenant_id) ON dbo.webhooks,
    ADD BLOCK PREDICATE security.tenant_predicate(tenant_id) ON dbo.webhooks,
    ADD FILTER PREDICATE security.tenant_predicate(tenant_id) ON dbo.webhook_deliveries,
    ADD BLOCK PREDICATE security.tenant_predicate(tenant_id) ON dbo.webhook_deliveries,
    ADD FILTER PREDICATE security.tenant_predicate(tenant_id) ON dbo.webhook_attempts,
    ADD BLOCK PREDICATE security.tenant_predicate(tenant_id) ON dbo.webhook_attempts;
GO

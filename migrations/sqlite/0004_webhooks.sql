-- Webhook subscriptions, their deliveries (one per notification and webhook) and every delivery attempt.
CREATE TABLE webhooks (
    id          TEXT NOT NULL PRIMARY KEY,
    tenant_id   TEXT NOT NULL REFERENCES tenants (id),
    url         TEXT NOT NULL,
    events      TEXT NOT NULL,
    secret      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    deleted_at  TEXT NULL
);
CREATE INDEX ix_webhooks_tenant ON webhooks (tenant_id, id);

CREATE TABLE webhook_deliveries (
    id                TEXT    NOT NULL PRIMARY KEY,
    tenant_id         TEXT    NOT NULL REFERENCES tenants (id),
    webhook_id        TEXT    NOT NULL REFERENCES webhooks (id),
    notification_id   TEXT    NOT NULL REFERENCES notifications (id),
    event             TEXT    NOT NULL,
    status            TEXT    NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
    attempts          INTEGER NOT NULL,
    next_attempt_at   TEXT    NULL,
    created_at        TEXT    NOT NULL,
    completed_at      TEXT    NULL
);
CREATE INDEX ix_webhook_deliveries_webhook ON webhook_deliveries (tenant_id, webhook_id, id);
CREATE INDEX ix_webhook_deliveries_notification ON webhook_deliveries (notification_id);
CREATE INDEX ix_webhook_deliveries_pending ON webhook_deliveries (status, next_attempt_at);

CREATE TABLE webhook_attempts (
    id             TEXT    NOT NULL PRIMARY KEY,
    tenant_id      TEXT    NOT NULL REFERENCES tenants (id),
    delivery_id    TEXT    NOT NULL REFERENCES webhook_deliveries (id),
    number         INTEGER NOT NULL,
    attempted_at   TEXT    NOT NULL,
    status_code    INTEGER NULL,
    error          TEXT    NULL,
    duration_ms    INTEGER NOT NULL
);
CREATE INDEX ix_webhook_attempts_delivery ON webhook_attempts (tenant_id, delivery_id, number);

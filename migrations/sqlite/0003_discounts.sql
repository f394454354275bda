-- Rent discounts (allonges) with their counter-performances, evaluation periods, evaluations and budgets.
CREATE TABLE discount_budgets (
    id            TEXT    NOT NULL PRIMARY KEY,
    tenant_id     TEXT    NOT NULL REFERENCES tenants (id),
    year          INTEGER NOT NULL,
    name          TEXT    NOT NULL,
    amount_cents  INTEGER NOT NULL,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    version       INTEGER NOT NULL
);
CREATE INDEX ix_discount_budgets_tenant ON discount_budgets (tenant_id, id);

CREATE TABLE discounts (
    id                         TEXT    NOT NULL PRIMARY KEY,
    tenant_id                  TEXT    NOT NULL REFERENCES tenants (id),
    lease_id                   TEXT    NOT NULL REFERENCES leases (id),
    budget_id                  TEXT    NULL REFERENCES discount_budgets (id),
    start_date                 TEXT    NOT NULL,
    end_date                   TEXT    NOT NULL,
    justification              TEXT    NOT NULL,
    evaluation_cadence_months  INTEGER NOT NULL,
    reminder_lead_days         INTEGER NOT NULL,
    ended_early_on             TEXT    NULL,
    end_reason                 TEXT    NULL,
    ending_on                  TEXT    NOT NULL,
    ending_notified            INTEGER NOT NULL DEFAULT 0,
    created_at                 TEXT    NOT NULL,
    updated_at                 TEXT    NOT NULL,
    version                    INTEGER NOT NULL
);
CREATE INDEX ix_discounts_tenant ON discounts (tenant_id, id);
CREATE INDEX ix_discounts_lease ON discounts (tenant_id, lease_id, start_date);
CREATE INDEX ix_discounts_budget ON discounts (tenant_id, budget_id);
CREATE INDEX ix_discounts_ending_due ON discounts (ending_notified, ending_on);

CREATE TABLE counter_performances (
    id           TEXT    NOT NULL PRIMARY KEY,
    tenant_id    TEXT    NOT NULL REFERENCES tenants (id),
    discount_id  TEXT    NOT NULL REFERENCES discounts (id),
    position     INTEGER NOT NULL,
    description  TEXT    NOT NULL,
    unit         TEXT    NOT NULL,
    target       INTEGER NOT NULL,
    theme        TEXT    NULL,
    radius       TEXT    NOT NULL CHECK (radius IN ('building', 'neighbourhood', 'area', 'city', 'region'))
);
CREATE INDEX ix_counter_performances_discount ON counter_performances (tenant_id, discount_id, position);

-- One row per evaluation period; its terms say what the discount is in that period.
CREATE TABLE discount_periods (
    id                  TEXT    NOT NULL PRIMARY KEY,
    tenant_id           TEXT    NOT NULL REFERENCES tenants (id),
    discount_id         TEXT    NOT NULL REFERENCES discounts (id),
    number              INTEGER NOT NULL,
    start_date          TEXT    NOT NULL,
    end_date            TEXT    NOT NULL,
    terms               TEXT    NOT NULL,
    evaluation_due_on   TEXT    NOT NULL,
    evaluated           INTEGER NOT NULL DEFAULT 0,
    due_notified        INTEGER NOT NULL DEFAULT 0,
    overdue_notified    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (discount_id, number)
);
CREATE INDEX ix_discount_periods_discount ON discount_periods (tenant_id, discount_id, number);
CREATE INDEX ix_discount_periods_due ON discount_periods (due_notified, evaluation_due_on);
CREATE INDEX ix_discount_periods_overdue ON discount_periods (overdue_notified, end_date);

CREATE TABLE evaluations (
    id              TEXT    NOT NULL PRIMARY KEY,
    tenant_id       TEXT    NOT NULL REFERENCES tenants (id),
    discount_id     TEXT    NOT NULL REFERENCES discounts (id),
    period_number   INTEGER NOT NULL,
    evaluated_on    TEXT    NOT NULL,
    decision        TEXT    NOT NULL CHECK (decision IN ('continue', 'step_up', 'end')),
    results         TEXT    NOT NULL,
    new_terms       TEXT    NULL,
    notes           TEXT    NULL,
    created_at      TEXT    NOT NULL,
    created_by      TEXT    NOT NULL,
    UNIQUE (discount_id, period_number)
);
CREATE INDEX ix_evaluations_discount ON evaluations (tenant_id, discount_id, id);

ALTER TABLE leases ADD COLUMN ending_notified INTEGER NOT NULL DEFAULT 0;
CREATE INDEX ix_leases_ending_due ON leases (ending_notified, end_date);

CREATE TABLE notifications (
    id               TEXT NOT NULL PRIMARY KEY,
    tenant_id        TEXT NOT NULL REFERENCES tenants (id),
    type             TEXT NOT NULL,
    unique_key       TEXT NOT NULL,
    subject_type     TEXT NOT NULL,
    subject_id       TEXT NOT NULL,
    due_on           TEXT NOT NULL,
    message          TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    acknowledged_at  TEXT NULL,
    acknowledged_by  TEXT NULL,
    UNIQUE (tenant_id, unique_key)
);
CREATE INDEX ix_notifications_tenant ON notifications (tenant_id, id);

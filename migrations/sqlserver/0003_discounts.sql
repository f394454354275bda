-- Rent discounts (allonges) with their counter-performances, evaluation periods, evaluations and budgets.
CREATE TABLE dbo.discount_budgets (
    id            UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_discount_budgets PRIMARY KEY,
    tenant_id     UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_discount_budgets_tenant REFERENCES dbo.tenants (id),
    year          INT              NOT NULL,
    name          NVARCHAR(200)    NOT NULL,
    amount_cents  BIGINT           NOT NULL,
    created_at    DATETIMEOFFSET   NOT NULL,
    updated_at    DATETIMEOFFSET   NOT NULL,
    version       INT              NOT NULL
);
CREATE INDEX ix_discount_budgets_tenant ON dbo.discount_budgets (tenant_id, id);
GO

CREATE TABLE dbo.discounts (
    id                         UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_discounts PRIMARY KEY,
    tenant_id                  UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_discounts_tenant REFERENCES dbo.tenants (id),
    lease_id                   UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_discounts_lease REFERENCES dbo.leases (id),
    budget_id                  UNIQUEIDENTIFIER NULL CONSTRAINT fk_discounts_budget REFERENCES dbo.discount_budgets (id),
    start_date                 DATE             NOT NULL,
    end_date                   DATE             NOT NULL,
    justification              NVARCHAR(4000)   NOT NULL,
    evaluation_cadence_months  INT              NOT NULL,
    reminder_lead_days         INT              NOT NULL,
    ended_early_on             DATE             NULL,
    end_reason                 NVARCHAR(1000)   NULL,
    ending_on                  DATE             NOT NULL,
    ending_notified            BIT              NOT NULL CONSTRAINT df_discounts_ending_notified DEFAULT 0,
    created_at                 DATETIMEOFFSET   NOT NULL,
    updated_at                 DATETIMEOFFSET   NOT NULL,
    version                    INT              NOT NULL
);
CREATE INDEX ix_discounts_tenant ON dbo.discounts (tenant_id, id);
CREATE INDEX ix_discounts_lease ON dbo.discounts (tenant_id, lease_id, start_date);
CREATE INDEX ix_discounts_budget ON dbo.discounts (tenant_id, budget_id);
CREATE INDEX ix_discounts_ending_due ON dbo.discounts (ending_notified, ending_on);
GO

CREATE TABLE dbo.counter_performances (
    id           UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_counter_performances PRIMARY KEY,
    tenant_id    UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_counter_performances_tenant REFERENCES dbo.tenants (id),
    discount_id  UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_counter_performances_discount REFERENCES dbo.discounts (id),
    position     INT              NOT NULL,
    description  NVARCHAR(1000)   NOT NULL,
    unit         NVARCHAR(100)    NOT NULL,
    target       INT              NOT NULL,
    theme        NVARCHAR(100)    NULL,
    radius       VARCHAR(16)      NOT NULL
        CONSTRAINT ck_counter_performances_radius CHECK (radius IN ('building', 'neighbourhood', 'area', 'city', 'region'))
);
CREATE INDEX ix_counter_performances_discount ON dbo.counter_performances (tenant_id, discount_id, position);
GO

CREATE TABLE dbo.discount_periods (
    id                  UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_discount_periods PRIMARY KEY,
    tenant_id           UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_discount_periods_tenant REFERENCES dbo.tenants (id),
    discount_id         UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_discount_periods_discount REFERENCES dbo.discounts (id),
    number              INT              NOT NULL,
    start_date          DATE             NOT NULL,
    end_date            DATE             NOT NULL,
    terms               NVARCHAR(MAX)    NOT NULL,
    evaluation_due_on   DATE             NOT NULL,
    evaluated           BIT              NOT NULL CONSTRAINT df_discount_periods_evaluated DEFAULT 0,
    due_notified        BIT              NOT NULL CONSTRAINT df_discount_periods_due_notified DEFAULT 0,
    overdue_notified    BIT              NOT NULL CONSTRAINT df_discount_periods_overdue_notified DEFAULT 0,
    CONSTRAINT uq_discount_periods_number UNIQUE (discount_id, number)
);
CREATE INDEX ix_discount_periods_discount ON dbo.discount_periods (tenant_id, discount_id, number);
CREATE INDEX ix_discount_periods_due ON dbo.discount_periods (due_notified, evaluation_due_on);
CREATE INDEX ix_discount_periods_overdue ON dbo.discount_periods (overdue_notified, end_date);
GO

CREATE TABLE dbo.evaluations (
    id              UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_evaluations PRIMARY KEY,
    tenant_id       UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_evaluations_tenant REFERENCES dbo.tenants (id),
    discount_id     UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_evaluations_discount REFERENCES dbo.discounts (id),
    period_number   INT              NOT NULL,
    evaluated_on    DATE             NOT NULL,
    decision        VARCHAR(16)      NOT NULL CONSTRAINT ck_evaluations_decision CHECK (decision IN ('continue', 'step_up', 'end')),
    results         NVARCHAR(MAX)    NOT NULL,
    new_terms       NVARCHAR(MAX)    NULL,
    notes           NVARCHAR(4000)   NULL,
    created_at      DATETIMEOFFSET   NOT NULL,
    created_by      VARCHAR(100)     NOT NULL,
    CONSTRAINT uq_evaluations_period UNIQUE (discount_id, period_number)
);
CREATE INDEX ix_evaluations_discount ON dbo.evaluations (tenant_id, discount_id, id);
GO

ALTER TABLE dbo.leases ADD ending_notified BIT NOT NULL CONSTRAINT df_leases_ending_notified DEFAULT 0;
GO
CREATE INDEX ix_leases_ending_due ON dbo.leases (ending_notified, end_date);
GO

CREATE TABLE dbo.notifications (
    id               UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_notifications PRIMARY KEY,
    tenant_id        UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_notifications_tenant REFERENCES dbo.tenants (id),
    type             VARCHAR(64)      NOT NULL,
    unique_key       VARCHAR(200)     NOT NULL,
    subject_type     VARCHAR(32)      NOT NULL,
    subject_id       UNIQUEIDENTIFIER NOT NULL,
    due_on           DATE             NOT NULL,
    message          NVARCHAR(1000)   NOT NULL,
    created_at       DATETIMEOFFSET   NOT NULL,
    acknowledged_at  DATETIMEOFFSET   NULL,
    acknowledged_by  VARCHAR(100)     NULL,
    CONSTRAINT uq_notifications_key UNIQUE (tenant_id, unique_key)
);
CREATE INDEX ix_notifications_tenant ON dbo.notifications (tenant_id, id);
GO

ALTER SECURITY POLICY security.tenant_isolation
    ADD FILTER PREDICATE security.tenant_predicate(tenant_id) ON dbo.discount_budgets,
    ADD BLOCK PREDICATE security.tenant_predicate(tenant_id) ON dbo.discount_budgets,
    ADD FILTER PREDICATE security.tenant_predicate(tenant_id) ON dbo.discounts,
    ADD BLOCK PREDICATE security.tenant_predicate(tenant_id) ON dbo.discounts,
    ADD FILTER PREDICATE security.tenant_predicate(tenant_id) ON dbo.counter_performances,
    ADD BLOCK PREDICATE security.tenant_predicate(tenant_id) ON dbo.counter_performances,
    ADD FILTER PREDICATE security.tenant_predicate(tenant_id) ON dbo.discount_periods,
    ADD BLOCK PREDICATE security.tenant_predicate(tenant_id) ON dbo.discount_periods,
    ADD FILTER PREDICATE security.tenant_predicate(tenant_id) ON dbo.evaluations,
    ADD BLOCK PREDICATE security.tenant_predicate(tenant_id) ON dbo.evaluations,
    ADD FILTER PREDICATE security.tenant_predicate(tenant_id) ON dbo.notifications,
    ADD BLOCK PREDICATE security.tenant_predicate(tenant_id) ON dbo.notifications;
GO

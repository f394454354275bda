-- Discounts as practised: the evaluation reminder in calendar months before a period's end ("drie maanden voor
-- afloop"); each period with its own justification and counter-performances, and the day its terms take effect.
ALTER TABLE dbo.discounts ADD reminder_lead_months INT NOT NULL CONSTRAINT df_discounts_reminder_lead_months DEFAULT 3;
ALTER TABLE dbo.discount_periods ADD terms_from DATE NULL;
ALTER TABLE dbo.discount_periods ADD justification NVARCHAR(4000) NOT NULL CONSTRAINT df_discount_periods_justification DEFAULT N'';
ALTER TABLE dbo.counter_performances ADD period_number INT NOT NULL CONSTRAINT df_counter_performances_period_number DEFAULT 1;
GO

UPDATE dbo.discounts SET reminder_lead_months = CASE WHEN reminder_lead_days < 30 THEN 1 WHEN reminder_lead_days > 360 THEN 12 ELSE reminder_lead_days / 30 END;
ALTER TABLE dbo.discounts DROP COLUMN reminder_lead_days;
UPDATE p SET p.terms_from = p.start_date, p.justification = d.justification
FROM dbo.discount_periods p JOIN dbo.discounts d ON d.tenant_id = p.tenant_id AND d.id = p.discount_id;
ALTER TABLE dbo.discount_periods ALTER COLUMN terms_from DATE NOT NULL;
GO

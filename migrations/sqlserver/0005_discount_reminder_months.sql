-- The evaluation reminder is set in calendar months before a period's end ("drie maanden voor afloop"), not in days.
ALTER TABLE dbo.discounts ADD reminder_lead_months INT NOT NULL CONSTRAINT df_discounts_reminder_lead_months DEFAULT 3;
GO

UPDATE dbo.discounts SET reminder_lead_months = CASE WHEN reminder_lead_days < 30 THEN 1 WHEN reminder_lead_days > 360 THEN 12 ELSE reminder_lead_days / 30 END;
ALTER TABLE dbo.discounts DROP COLUMN reminder_lead_days;
GO

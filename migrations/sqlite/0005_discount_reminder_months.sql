-- The evaluation reminder is set in calendar months before a period's end ("drie maanden voor afloop"), not in days.
ALTER TABLE discounts ADD COLUMN reminder_lead_months INTEGER NOT NULL DEFAULT 3;
UPDATE discounts SET reminder_lead_months = CASE WHEN reminder_lead_days < 30 THEN 1 WHEN reminder_lead_days > 360 THEN 12 ELSE reminder_lead_days / 30 END;
ALTER TABLE discounts DROP COLUMN reminder_lead_days;

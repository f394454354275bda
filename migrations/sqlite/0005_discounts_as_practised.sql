-- Discounts as practised: the evaluation reminder in calendar months before a period's end ("drie maanden voor
-- afloop"); each period with its own justification and counter-performances, and the day its terms take effect.
ALTER TABLE discounts ADD COLUMN reminder_lead_months INTEGER NOT NULL DEFAULT 3;
UPDATE discounts SET reminder_lead_months = CASE WHEN reminder_lead_days < 30 THEN 1 WHEN reminder_lead_days > 360 THEN 12 ELSE reminder_lead_days / 30 END;
ALTER TABLE discounts DROP COLUMN reminder_lead_days;

ALTER TABLE discount_periods ADD COLUMN terms_from TEXT NOT NULL DEFAULT '';
ALTER TABLE discount_periods ADD COLUMN justification TEXT NOT NULL DEFAULT '';
UPDATE discount_periods
SET terms_from = start_date,
    justification = (SELECT d.justification FROM discounts d WHERE d.tenant_id = discount_periods.tenant_id AND d.id = discount_periods.discount_id);

ALTER TABLE counter_performances ADD COLUMN period_number INTEGER NOT NULL DEFAULT 1;

-- The shortlist (issue 17, item 4): an application the landlord shortlists keeps the landlord's note and its place on
-- the shortlist (1, 2, …: the order of the pitch night's slots); every other eligible one becomes not_selected.
ALTER TABLE dbo.tender_applications DROP CONSTRAINT ck_tender_applications_status;
ALTER TABLE dbo.tender_applications ADD CONSTRAINT ck_tender_applications_status
    CHECK (status IN ('submitted', 'eligible', 'ineligible', 'withdrawn', 'shortlisted', 'not_selected'));
ALTER TABLE dbo.tender_applications ADD shortlist_note NVARCHAR(1000) NULL, shortlist_position INT NULL;

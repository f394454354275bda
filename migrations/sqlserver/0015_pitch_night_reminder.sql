-- The reminder scan reads only the pitch nights that are due. pitch_night_starts_at is the start in pitch_night (its JSON);
-- pitch_night_notified_at is when the scan wrote the pitch_night.upcoming notices. The filtered index holds the shortlisted
-- tenders whose pitch night has not been announced yet, by its start.
ALTER TABLE dbo.tenders ADD pitch_night_starts_at DATETIMEOFFSET NULL, pitch_night_notified_at DATETIMEOFFSET NULL;
GO

UPDATE dbo.tenders
SET pitch_night_starts_at = SWITCHOFFSET(CAST(JSON_VALUE(pitch_night, '$.startsAt') AS DATETIMEOFFSET), '+00:00')
WHERE pitch_night IS NOT NULL;

-- A pitch night announced before this script: its landlord's notice (unique by the tender's id) is in the feed.
UPDATE t
SET pitch_night_notified_at = n.created_at
FROM dbo.tenders t
JOIN dbo.notifications n ON n.tenant_id = t.tenant_id AND n.unique_key = 'pitch_night.upcoming:' + LOWER(CONVERT(VARCHAR(36), t.id))
WHERE t.pitch_night IS NOT NULL;
GO

CREATE INDEX ix_tenders_pitch_night_due ON dbo.tenders (status, pitch_night_starts_at)
WHERE status = 'shortlisted' AND pitch_night_notified_at IS NULL;
GO

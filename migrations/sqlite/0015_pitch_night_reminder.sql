-- The reminder scan reads only the pitch nights that are due. pitch_night_starts_at is the start in pitch_night (its JSON),
-- in UTC as the API binds timestamps; pitch_night_notified_at is when the scan wrote the pitch_night.upcoming notices. The
-- partial index holds the shortlisted tenders whose pitch night has not been announced yet, by its start.
ALTER TABLE tenders ADD COLUMN pitch_night_starts_at TEXT NULL;
ALTER TABLE tenders ADD COLUMN pitch_night_notified_at TEXT NULL;

-- As Microsoft.Data.Sqlite writes a bound DateTimeOffset ("yyyy-MM-dd HH:mm:ss.fffffff+00:00"), so that it compares as text.
UPDATE tenders
SET pitch_night_starts_at = substr(strftime('%Y-%m-%d %H:%M:%f', json_extract(pitch_night, '$.startsAt')), 1, 23) || '0000+00:00'
WHERE pitch_night IS NOT NULL;

-- A pitch night announced before this script: its landlord's notice (unique by the tender's id) is in the feed.
UPDATE tenders
SET pitch_night_notified_at = (SELECT n.created_at FROM notifications n
                               WHERE n.tenant_id = tenders.tenant_id AND n.unique_key = 'pitch_night.upcoming:' || lower(tenders.id))
WHERE pitch_night IS NOT NULL;

CREATE INDEX ix_tenders_pitch_night_due ON tenders (status, pitch_night_starts_at)
WHERE status = 'shortlisted' AND pitch_night_notified_at IS NULL;

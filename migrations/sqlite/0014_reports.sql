-- Reports: a unit's vacancy starts the day after its last lease ended, or on the day it was created; that day is kept in
-- the platform's calendar from now on. Units created before this script get the UTC date of their creation.
ALTER TABLE units ADD COLUMN created_on TEXT NULL;
UPDATE units SET created_on = substr(created_at, 1, 10);

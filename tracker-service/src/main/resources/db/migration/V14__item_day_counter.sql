-- An item's day counter: when logged_day is set, logged_day_minutes is the sum of the item's time entries on that
-- day. LogTime keeps it (under the plan's lock) and reads it in place of summing the day's entries, which it still
-- does for another day or an item without a counter (an item created or imported since, or from before this).
-- Only LogTime writes time entries of an existing item; an entity's insert leaves the counter unset.
ALTER TABLE plan_item ADD COLUMN logged_day INT NULL;
ALTER TABLE plan_item ADD COLUMN logged_day_minutes INT NOT NULL DEFAULT 0;

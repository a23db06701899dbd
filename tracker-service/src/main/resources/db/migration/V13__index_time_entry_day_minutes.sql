-- One index for time entries instead of two. LogTime sums an item's minutes on a day under the plan's lock: with
-- minutes in the index that sum reads only the index (no row per entry), and the id before it keeps an item's
-- entries in the order ListTimeEntries pages them (day, then id, newest first). ix_time_entry_item was a prefix of
-- ix_time_entry_day, and both are prefixes of this one, so every insert now maintains one secondary index, not two.
CREATE INDEX ix_time_entry_day_minutes ON time_entry (user_id, plan_id, item_id, entry_day, id, minutes);
DROP INDEX ix_time_entry_day ON time_entry;
DROP INDEX ix_time_entry_item ON time_entry;

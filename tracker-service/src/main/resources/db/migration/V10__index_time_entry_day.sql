-- LogTime sums an item's minutes on one day (at most 1440) under the plan's lock: this index makes that sum read
-- only the day's entries, however long the item's history.
CREATE INDEX ix_time_entry_day ON time_entry (user_id, plan_id, item_id, entry_day);

-- Columns sized for the longest value the API accepts, in bytes on MySQL (utf8mb4: up to 4 bytes a character;
-- TEXT and BLOB hold 64 KiB).
-- A stored response is a whole plan for CreatePlan, UpdatePlan and ReorderPlanItems: up to the item limit with
-- 4000-character notes on every item, far past BLOB's 64 KiB.
ALTER TABLE request_log MODIFY response LONGBLOB;
-- Ten links of up to 2000 characters each.
ALTER TABLE review_request MODIFY evidence_links MEDIUMTEXT NOT NULL;
-- Copied from the catalog, whose paragraphs and scenarios are not bounded by the tracker's own limits.
ALTER TABLE plan_item MODIFY source_text MEDIUMTEXT NOT NULL;
ALTER TABLE practice_session MODIFY scenario MEDIUMTEXT NOT NULL;
ALTER TABLE practice_step MODIFY body MEDIUMTEXT NOT NULL;

-- A stored response is a whole plan for CreatePlan, UpdatePlan and ReorderPlanItems: up to the item limit with
-- 4000-character notes on every item, far past BLOB's 64 KiB on MySQL. LONGBLOB holds any gRPC message we accept.
ALTER TABLE request_log MODIFY response LONGBLOB;

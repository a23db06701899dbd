-- Copied from the catalog, sized for the longest value the catalog holds (on H2 and MySQL alike):
-- 'skills/' plus a skill key of up to 200 characters, and a design prompt's or topic's description, which the
-- catalog does not bound to 64 KiB.
ALTER TABLE plan_item MODIFY source_content VARCHAR(300) NOT NULL;
ALTER TABLE plan_item MODIFY description MEDIUMTEXT NOT NULL;

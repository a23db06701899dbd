-- A user's calendar feed (ExportService.CreateCalendarFeed): the SHA-256 of its secret only, like access tokens.
-- One row per user, locked by every change; secret_hash is NULL while the feed is revoked.
CREATE TABLE calendar_feed (
    user_id       BIGINT      NOT NULL PRIMARY KEY,
    secret_hash   CHAR(64),
    secret_prefix VARCHAR(12) NOT NULL,
    create_time   BIGINT,
    revoke_time   BIGINT,
    update_time   BIGINT      NOT NULL,
    CONSTRAINT uq_calendar_feed_secret UNIQUE (secret_hash),
    CONSTRAINT fk_calendar_feed_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);

-- request_log keeps no token secret in plain text: CreateUser and CreateAccessToken store their response with the
-- secret removed, and the secret itself sealed (AES-GCM, key outside the database) until secret_expire_time.
-- Rows expire (create_time) and are purged in bounded batches.
ALTER TABLE request_log ADD COLUMN sealed_secret VARBINARY(255);
ALTER TABLE request_log ADD COLUMN secret_expire_time BIGINT;
-- SHA-256 of the request without its request_id (AIP-155): the id reused for a different request is refused.
ALTER TABLE request_log ADD COLUMN request_hash CHAR(64);
CREATE INDEX ix_request_log_create_time ON request_log (create_time);
CREATE INDEX ix_request_log_secret_expire ON request_log (secret_expire_time);
-- Responses stored before this version hold secrets in plain text. A retry of one of these ids now runs again
-- (CreateUser: ALREADY_EXISTS for the handle; CreateAccessToken: another token).
DELETE FROM request_log WHERE method IN ('CreateUser', 'CreateAccessToken');

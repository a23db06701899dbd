-- Mentorship etags, review requests, item comment threads, and the index the live activity stream reads by.

-- The etag of a mentorship (RespondToInvitation and EndMentorship take it).
ALTER TABLE mentorship ADD COLUMN version INT NOT NULL DEFAULT 1;

-- A mentee asks a mentor to review a plan item (or, later, a practice session). open_key is the target while the
-- request is OPEN and NULL after: the unique index makes "one open request per target" hold under concurrency
-- (both engines allow many NULLs in a unique index).
CREATE TABLE review_request (
    id               BIGINT        NOT NULL PRIMARY KEY,
    user_id          BIGINT        NOT NULL,
    mentor_id        BIGINT        NOT NULL,
    plan_id          BIGINT,
    item_id          BIGINT,
    target           VARCHAR(200)  NOT NULL,
    target_title     VARCHAR(300)  NOT NULL,
    state            VARCHAR(20)   NOT NULL,
    open_key         VARCHAR(200),
    evidence_links   TEXT          NOT NULL,
    note             TEXT          NOT NULL,
    decision_comment TEXT          NOT NULL,
    step_scores      TEXT          NOT NULL,
    version          INT           NOT NULL,
    create_time      BIGINT        NOT NULL,
    review_time      BIGINT,
    cancel_time      BIGINT,
    CONSTRAINT uq_review_request_open UNIQUE (open_key)
);
CREATE INDEX ix_review_request_mentee ON review_request (user_id, state, create_time);
CREATE INDEX ix_review_request_mentor ON review_request (mentor_id, state, create_time);
CREATE INDEX ix_review_request_plan ON review_request (plan_id, state);

-- A plan item's thread between the mentee (user_id owns the item) and their mentors.
CREATE TABLE item_comment (
    id                BIGINT      NOT NULL PRIMARY KEY,
    user_id           BIGINT      NOT NULL,
    plan_id           BIGINT      NOT NULL,
    item_id           BIGINT      NOT NULL,
    author_id         BIGINT      NOT NULL,
    body              TEXT        NOT NULL,
    review_request_id BIGINT,
    create_time       BIGINT      NOT NULL
);
CREATE INDEX ix_item_comment_item ON item_comment (user_id, plan_id, item_id, create_time);

-- WatchActivity resumes and the mentee summary's last activity read one user's events by sequence.
CREATE INDEX ix_activity_user ON activity (user_id, seq);

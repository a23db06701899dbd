-- System-design practice: sessions on a design prompt or checklist, with the steps copied at start so later catalog
-- changes never alter a session. user_id leads every index (the sharding key); instants are BIGINT microseconds.

CREATE TABLE practice_session (
    id               BIGINT       NOT NULL PRIMARY KEY,
    user_id          BIGINT       NOT NULL,
    -- designPrompts/{slug} or checklists/{id}
    source           VARCHAR(130) NOT NULL,
    title            VARCHAR(300) NOT NULL,
    scenario         TEXT         NOT NULL,
    -- ACTIVE, COMPLETED, ABANDONED or EXPIRED
    state            VARCHAR(16)  NOT NULL,
    time_box_minutes INT          NOT NULL,
    start_time       BIGINT       NOT NULL,
    deadline_time    BIGINT       NOT NULL,
    end_time         BIGINT,
    -- Coverage is checked_count / step_count, kept current by every write.
    step_count       INT          NOT NULL,
    checked_count    INT          NOT NULL,
    self_rating      INT          NOT NULL,
    notes            TEXT         NOT NULL,
    -- The linked plan item, if any (no foreign key: deleting a plan leaves its sessions).
    plan_id          BIGINT,
    plan_item_id     BIGINT,
    version          INT          NOT NULL,
    update_time      BIGINT       NOT NULL
);
CREATE INDEX ix_practice_session_user ON practice_session (user_id, start_time);
CREATE INDEX ix_practice_session_source ON practice_session (user_id, source, start_time);
CREATE INDEX ix_practice_session_item ON practice_session (user_id, plan_item_id);
-- Finds the user's ACTIVE sessions past their deadline, which are expired lazily on the next call.
CREATE INDEX ix_practice_session_state ON practice_session (user_id, state, deadline_time);

CREATE TABLE practice_step (
    id           BIGINT       NOT NULL PRIMARY KEY,
    user_id      BIGINT       NOT NULL,
    session_id   BIGINT       NOT NULL,
    -- 1-based, the n of users/{handle}/practiceSessions/{id}/steps/{n}
    position     INT          NOT NULL,
    -- designPrompts/{slug}/steps/{n} or the checklist item's name: stats group by it
    source_step  VARCHAR(200) NOT NULL,
    phase        VARCHAR(32)  NOT NULL,
    title        VARCHAR(300) NOT NULL,
    body         TEXT         NOT NULL,
    checked      BOOLEAN      NOT NULL,
    notes        TEXT         NOT NULL,
    mentor_score INT          NOT NULL DEFAULT 0,
    CONSTRAINT uq_practice_step UNIQUE (session_id, position),
    CONSTRAINT fk_practice_step_session FOREIGN KEY (session_id) REFERENCES practice_session (id)
);
CREATE INDEX ix_practice_step_user ON practice_step (user_id, session_id, position);

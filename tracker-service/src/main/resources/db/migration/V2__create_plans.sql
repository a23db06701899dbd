-- Plans, their items, time entries, daily rollups and the activity history. Days are stored as INT epoch days
-- (days since 1970-01-01) in the plan's time zone, which sort and subtract without date functions.

CREATE TABLE plan (
    id               BIGINT       NOT NULL PRIMARY KEY,
    user_id          BIGINT       NOT NULL,
    title            VARCHAR(200) NOT NULL,
    target_role      VARCHAR(130) NOT NULL,
    role_title       VARCHAR(200) NOT NULL,
    role_revision    INT          NOT NULL,
    minutes_per_week INT          NOT NULL,
    start_day        INT          NOT NULL,
    target_day       INT,
    time_zone        VARCHAR(64)  NOT NULL,
    skill_ratings    TEXT         NOT NULL,
    archived         BOOLEAN      NOT NULL,
    -- Counters kept in the same transaction as every write, so summaries never scan the history.
    logged_minutes   BIGINT       NOT NULL,
    last_activity_time BIGINT     NOT NULL,
    version          INT          NOT NULL,
    create_time      BIGINT       NOT NULL,
    update_time      BIGINT       NOT NULL
);
CREATE INDEX ix_plan_user ON plan (user_id, create_time);

CREATE TABLE plan_item (
    id                BIGINT       NOT NULL PRIMARY KEY,
    user_id           BIGINT       NOT NULL,
    plan_id           BIGINT       NOT NULL,
    kind              VARCHAR(24)  NOT NULL,
    title             VARCHAR(300) NOT NULL,
    description       TEXT         NOT NULL,
    source_content    VARCHAR(200) NOT NULL,
    source_text       TEXT         NOT NULL,
    source_name       VARCHAR(255) NOT NULL,
    source_line       INT          NOT NULL,
    estimated_minutes INT          NOT NULL,
    week              INT          NOT NULL,
    due_day           INT          NOT NULL,
    due_pinned        BOOLEAN      NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    verified          BOOLEAN      NOT NULL,
    verified_by       VARCHAR(40)  NOT NULL,
    position          INT          NOT NULL,
    notes             TEXT         NOT NULL,
    notes_private     BOOLEAN      NOT NULL,
    logged_minutes    BIGINT       NOT NULL,
    version           INT          NOT NULL,
    create_time       BIGINT       NOT NULL,
    update_time       BIGINT       NOT NULL,
    complete_time     BIGINT,
    CONSTRAINT fk_plan_item_plan FOREIGN KEY (plan_id) REFERENCES plan (id)
);
CREATE INDEX ix_plan_item_plan ON plan_item (user_id, plan_id, position);

CREATE TABLE time_entry (
    id          BIGINT        NOT NULL PRIMARY KEY,
    user_id     BIGINT        NOT NULL,
    plan_id     BIGINT        NOT NULL,
    item_id     BIGINT        NOT NULL,
    minutes     INT           NOT NULL,
    entry_day   INT           NOT NULL,
    note        VARCHAR(1000) NOT NULL,
    create_time BIGINT        NOT NULL
);
CREATE INDEX ix_time_entry_item ON time_entry (user_id, plan_id, item_id);

-- One row per plan and active day: minutes logged and engineer actions that day. Streaks and weekly hours read
-- these (bounded by the plan's length in days), never the raw history.
CREATE TABLE plan_day (
    user_id BIGINT NOT NULL,
    plan_id BIGINT NOT NULL,
    on_day  INT    NOT NULL,
    minutes BIGINT NOT NULL,
    actions INT    NOT NULL,
    PRIMARY KEY (plan_id, on_day)
);

-- The append-only history. seq is the global cursor of the live stream (on Vitess: a sequence table).
CREATE TABLE activity (
    seq         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id     BIGINT       NOT NULL,
    plan_id     BIGINT,
    item_id     BIGINT,
    actor_id    BIGINT       NOT NULL,
    type        VARCHAR(32)  NOT NULL,
    summary     VARCHAR(500) NOT NULL,
    old_status  VARCHAR(16)  NOT NULL,
    new_status  VARCHAR(16)  NOT NULL,
    minutes     INT          NOT NULL,
    on_day      INT,
    subject     VARCHAR(200) NOT NULL,
    create_time BIGINT       NOT NULL
);
CREATE INDEX ix_activity_plan ON activity (user_id, plan_id, seq);

-- Mentor and mentee. Reads of a mentee's data check for an ACTIVE row on every call, so ending one takes effect
-- at once.
CREATE TABLE mentorship (
    id           BIGINT        NOT NULL PRIMARY KEY,
    mentor_id    BIGINT        NOT NULL,
    mentee_id    BIGINT        NOT NULL,
    state        VARCHAR(16)   NOT NULL,
    message      VARCHAR(1000) NOT NULL,
    create_time  BIGINT        NOT NULL,
    respond_time BIGINT,
    end_time     BIGINT,
    ended_by     BIGINT
);
CREATE INDEX ix_mentorship_mentee ON mentorship (mentee_id, state);
CREATE INDEX ix_mentorship_mentor ON mentorship (mentor_id, state);

-- Spaced-repetition recall (RecallService): cards scheduled with FSRS-6, their review log and per-user settings.
-- user_id leads every index (the sharding key); instants are BIGINT microseconds; days are INT epoch days.

CREATE TABLE recall_card (
    id               BIGINT       NOT NULL PRIMARY KEY,
    user_id          BIGINT       NOT NULL,
    -- MANUAL, PLAN_ITEM or PRACTICE_STEP
    origin           VARCHAR(16)  NOT NULL,
    -- What the card came from (item:{id}, step:{id}) or manual:{card id}; unique per user, so an item that becomes
    -- DONE twice, or a completion retried, never makes a second card.
    source_key       VARCHAR(48)  NOT NULL,
    -- The resource name shown as the card's source; "" for manual cards.
    source_name      VARCHAR(200) NOT NULL,
    plan_id          BIGINT,
    front            TEXT         NOT NULL,
    -- Copied catalog text may exceed TEXT's 64 KiB (see V5).
    back             MEDIUMTEXT   NOT NULL,
    -- LEARNING, REVIEW or RELEARNING
    state            VARCHAR(16)  NOT NULL,
    step             INT          NOT NULL,
    -- NULL before the first review.
    stability        DOUBLE,
    difficulty       DOUBLE,
    suspended        BOOLEAN      NOT NULL,
    -- A deleted card stays as a tombstone without text (suspended too), so its source never creates it again.
    deleted          BOOLEAN      NOT NULL,
    due_time         BIGINT       NOT NULL,
    last_review_time BIGINT,
    reps             INT          NOT NULL,
    lapses           INT          NOT NULL,
    version          INT          NOT NULL,
    create_time      BIGINT       NOT NULL,
    update_time      BIGINT       NOT NULL,
    CONSTRAINT uq_recall_card_source UNIQUE (user_id, source_key)
);
-- ListDueCards and the forecast: a user's unsuspended cards by due time.
CREATE INDEX ix_recall_card_due ON recall_card (user_id, suspended, due_time, id);

CREATE TABLE recall_review (
    id           BIGINT      NOT NULL PRIMARY KEY,
    user_id      BIGINT      NOT NULL,
    card_id      BIGINT      NOT NULL,
    -- 1 AGAIN .. 4 EASY
    rating       INT         NOT NULL,
    -- The card's state before the review: true retention counts REVIEW only.
    state_before VARCHAR(16) NOT NULL,
    elapsed_days INT         NOT NULL,
    stability    DOUBLE      NOT NULL,
    difficulty   DOUBLE      NOT NULL,
    due_time     BIGINT      NOT NULL,
    review_time  BIGINT      NOT NULL,
    -- Epoch day of the review in the user's recall time zone at the time (daily limit, reviews per day).
    review_day   INT         NOT NULL
);
CREATE INDEX ix_recall_review_user ON recall_review (user_id, review_day);
CREATE INDEX ix_recall_review_card ON recall_review (user_id, card_id);

CREATE TABLE recall_settings (
    user_id           BIGINT      NOT NULL PRIMARY KEY,
    desired_retention DOUBLE      NOT NULL,
    daily_limit       INT         NOT NULL,
    time_zone         VARCHAR(64) NOT NULL,
    update_time       BIGINT      NOT NULL
);

-- The catalog: roles merged from imported career guides. Instants are BIGINT microseconds since the epoch.

CREATE TABLE role (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    slug        VARCHAR(120) NOT NULL,
    title       VARCHAR(200) NOT NULL,
    revision    INT          NOT NULL,
    create_time BIGINT       NOT NULL,
    update_time BIGINT       NOT NULL,
    CONSTRAINT uq_role_slug UNIQUE (slug)
);

-- One imported document. Re-importing the same source name replaces its content; an identical hash changes nothing.
CREATE TABLE guide_source (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    role_id     BIGINT       NOT NULL,
    source_name VARCHAR(255) NOT NULL,
    sha256      CHAR(64)     NOT NULL,
    layout      VARCHAR(20)  NOT NULL,
    line_count  INT          NOT NULL,
    revision    INT          NOT NULL,
    import_time BIGINT       NOT NULL,
    CONSTRAINT uq_guide_source UNIQUE (role_id, source_name),
    CONSTRAINT fk_guide_source_role FOREIGN KEY (role_id) REFERENCES role (id)
);

CREATE TABLE section (
    id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    role_id   BIGINT       NOT NULL,
    source_id BIGINT       NOT NULL,
    kind      VARCHAR(32)  NOT NULL,
    heading   VARCHAR(300) NOT NULL,
    body      TEXT         NOT NULL,
    summary   TEXT         NOT NULL,
    position  INT          NOT NULL,
    line      INT          NOT NULL,
    CONSTRAINT fk_section_source FOREIGN KEY (source_id) REFERENCES guide_source (id)
);
CREATE INDEX ix_section_role ON section (role_id, kind);

CREATE TABLE topic (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    role_id    BIGINT       NOT NULL,
    section_id BIGINT       NOT NULL,
    title      VARCHAR(300) NOT NULL,
    body       TEXT         NOT NULL,
    position   INT          NOT NULL,
    line       INT          NOT NULL,
    CONSTRAINT fk_topic_section FOREIGN KEY (section_id) REFERENCES section (id)
);
CREATE INDEX ix_topic_role ON topic (role_id);

-- Items keep their id across re-imports while their text does not change, so plans pointing at them stay valid.
CREATE TABLE item (
    id       BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    role_id  BIGINT NOT NULL,
    topic_id BIGINT NOT NULL,
    body     TEXT   NOT NULL,
    position INT    NOT NULL,
    line     INT    NOT NULL,
    CONSTRAINT fk_item_topic FOREIGN KEY (topic_id) REFERENCES topic (id)
);
CREATE INDEX ix_item_role ON item (role_id);

CREATE TABLE skill (
    id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    skill_key VARCHAR(200) NOT NULL,
    name      VARCHAR(200) NOT NULL,
    CONSTRAINT uq_skill_key UNIQUE (skill_key)
);

CREATE TABLE skill_mention (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    role_id      BIGINT      NOT NULL,
    source_id    BIGINT      NOT NULL,
    skill_id     BIGINT      NOT NULL,
    section_kind VARCHAR(32) NOT NULL,
    line         INT         NOT NULL,
    CONSTRAINT fk_skill_mention_skill FOREIGN KEY (skill_id) REFERENCES skill (id),
    CONSTRAINT fk_skill_mention_source FOREIGN KEY (source_id) REFERENCES guide_source (id)
);
CREATE INDEX ix_skill_mention_role ON skill_mention (role_id);
CREATE INDEX ix_skill_mention_skill ON skill_mention (skill_id);

CREATE TABLE salary_range (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    role_id    BIGINT       NOT NULL,
    source_id  BIGINT       NOT NULL,
    label      VARCHAR(300) NOT NULL,
    min_amount BIGINT,
    max_amount BIGINT,
    currency   VARCHAR(3)   NOT NULL,
    period     VARCHAR(8)   NOT NULL,
    raw_text   TEXT         NOT NULL,
    line       INT          NOT NULL,
    CONSTRAINT fk_salary_range_source FOREIGN KEY (source_id) REFERENCES guide_source (id)
);
CREATE INDEX ix_salary_range_role ON salary_range (role_id);

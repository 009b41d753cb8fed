-- The case file of the lifecycle: petitioners, accused, links, handling state, legal deadlines,
-- supervision orders, deadline events, and the hash-chained audit log.

ALTER TABLE petition ADD COLUMN petition_type VARCHAR(20) NOT NULL DEFAULT 'APPEAL';
ALTER TABLE petition ADD COLUMN confidential BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE petition ADD COLUMN query_code_hash CHAR(64);
ALTER TABLE petition ADD COLUMN disposition VARCHAR(20);
ALTER TABLE petition ADD COLUMN handling_unit VARCHAR(40);
ALTER TABLE petition ADD COLUMN co_units VARCHAR(1000);
ALTER TABLE petition ADD COLUMN disposition_reason VARCHAR(2000);
ALTER TABLE petition ADD COLUMN extension_reason VARCHAR(2000);
ALTER TABLE petition ADD COLUMN reply TEXT;
ALTER TABLE petition ADD COLUMN replied_at TIMESTAMP;
ALTER TABLE petition ADD COLUMN satisfaction VARCHAR(30);
ALTER TABLE petition ADD COLUMN review_answer TEXT;
ALTER TABLE petition ADD COLUMN re_review_answer TEXT;
ALTER TABLE petition ADD COLUMN archived_at TIMESTAMP;
-- The earliest pending deadline, kept with the petition so that lists filter without joins.
ALTER TABLE petition ADD COLUMN next_due DATE;

CREATE INDEX ix_petition_status_received ON petition (status, received_at);
CREATE INDEX ix_petition_unit_received ON petition (handling_unit, received_at);
CREATE INDEX ix_petition_next_due ON petition (next_due);
CREATE INDEX ix_petition_received ON petition (received_at);

CREATE TABLE petitioner (
    petition_id    CHAR(36)     NOT NULL,
    seq            INTEGER      NOT NULL,
    name           VARCHAR(100) NOT NULL,
    resident_id    CHAR(18)     NOT NULL,
    phone          VARCHAR(30),
    address        VARCHAR(300),
    representative BOOLEAN      NOT NULL,
    CONSTRAINT pk_petitioner PRIMARY KEY (petition_id, seq),
    CONSTRAINT fk_petitioner_petition FOREIGN KEY (petition_id) REFERENCES petition (id)
);
CREATE INDEX ix_petitioner_resident_id ON petitioner (resident_id);

CREATE TABLE accused (
    petition_id CHAR(36)     NOT NULL,
    seq         INTEGER      NOT NULL,
    name        VARCHAR(200) NOT NULL,
    CONSTRAINT pk_accused PRIMARY KEY (petition_id, seq),
    CONSTRAINT fk_accused_petition FOREIGN KEY (petition_id) REFERENCES petition (id)
);

CREATE TABLE petition_link (
    petition_id         CHAR(36)    NOT NULL,
    registration_number VARCHAR(32) NOT NULL,
    CONSTRAINT pk_petition_link PRIMARY KEY (petition_id, registration_number),
    CONSTRAINT fk_petition_link_petition FOREIGN KEY (petition_id) REFERENCES petition (id)
);

CREATE TABLE deadline (
    petition_id CHAR(36)    NOT NULL,
    kind        VARCHAR(30) NOT NULL,
    started_at  TIMESTAMP   NOT NULL,
    due         DATE        NOT NULL,
    met_at      TIMESTAMP,
    CONSTRAINT pk_deadline PRIMARY KEY (petition_id, kind, started_at),
    CONSTRAINT fk_deadline_petition FOREIGN KEY (petition_id) REFERENCES petition (id)
);
CREATE INDEX ix_deadline_pending_due ON deadline (met_at, due);

CREATE TABLE supervision (
    id          BIGINT GENERATED ALWAYS AS IDENTITY,
    petition_id CHAR(36)      NOT NULL,
    order_text  VARCHAR(2000) NOT NULL,
    due         DATE          NOT NULL,
    ordered_by  VARCHAR(100)  NOT NULL,
    ordered_at  TIMESTAMP     NOT NULL,
    outcome     VARCHAR(2000),
    resolved_at TIMESTAMP,
    CONSTRAINT pk_supervision PRIMARY KEY (id),
    CONSTRAINT fk_supervision_petition FOREIGN KEY (petition_id) REFERENCES petition (id)
);
CREATE INDEX ix_supervision_petition ON supervision (petition_id);

CREATE TABLE case_event (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY,
    petition_id         CHAR(36)    NOT NULL,
    kind                VARCHAR(20) NOT NULL,
    deadline_kind       VARCHAR(30) NOT NULL,
    deadline_started_at TIMESTAMP   NOT NULL,
    due                 DATE        NOT NULL,
    raised_at           TIMESTAMP   NOT NULL,
    CONSTRAINT pk_case_event PRIMARY KEY (id),
    CONSTRAINT uq_case_event_once UNIQUE (petition_id, deadline_kind, deadline_started_at, kind),
    CONSTRAINT fk_case_event_petition FOREIGN KEY (petition_id) REFERENCES petition (id)
);

-- Append-only; each entry carries the hash of the one before. audit_head serialises appenders.
CREATE TABLE audit_entry (
    seq           BIGINT        NOT NULL,
    petition_id   CHAR(36)      NOT NULL,
    action        VARCHAR(40)   NOT NULL,
    actor         VARCHAR(100)  NOT NULL,
    acted_at      TIMESTAMP     NOT NULL,
    detail        VARCHAR(4000) NOT NULL,
    previous_hash CHAR(64)      NOT NULL,
    hash          CHAR(64)      NOT NULL,
    CONSTRAINT pk_audit_entry PRIMARY KEY (seq)
);
CREATE INDEX ix_audit_entry_petition ON audit_entry (petition_id, seq);

CREATE TABLE audit_head (
    id        INTEGER  NOT NULL,
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL,
    CONSTRAINT pk_audit_head PRIMARY KEY (id)
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

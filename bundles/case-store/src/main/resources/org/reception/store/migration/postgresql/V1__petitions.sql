-- Petitions, their routing decisions, and the per-jurisdiction registration number sequences.
-- Times are stored in UTC.

CREATE TABLE petition (
    id                  CHAR(36)     NOT NULL,
    registration_number VARCHAR(32)  NOT NULL,
    channel             VARCHAR(20)  NOT NULL,
    category            VARCHAR(40)  NOT NULL,
    title               VARCHAR(200) NOT NULL,
    content             TEXT         NOT NULL,
    jurisdiction        CHAR(6)      NOT NULL,
    received_at         TIMESTAMP    NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    row_version         INTEGER      NOT NULL DEFAULT 0,
    created_at          TIMESTAMP    NOT NULL,
    CONSTRAINT pk_petition PRIMARY KEY (id),
    CONSTRAINT uq_petition_registration_number UNIQUE (registration_number)
);

CREATE INDEX ix_petition_jurisdiction_received ON petition (jurisdiction, received_at);

-- Every routing decision ever taken for a petition; the one with the highest seq is current.
CREATE TABLE routing_decision (
    petition_id          CHAR(36)      NOT NULL,
    seq                  INTEGER       NOT NULL,
    unit_code            VARCHAR(40)   NOT NULL,
    unit_name            VARCHAR(200)  NOT NULL,
    reason               VARCHAR(2000) NOT NULL,
    module_id            VARCHAR(100)  NOT NULL,
    module_version       VARCHAR(64)   NOT NULL,
    module_jurisdiction  VARCHAR(6)    NOT NULL,
    rules_fired          VARCHAR(4000) NOT NULL,
    decided_at           TIMESTAMP     NOT NULL,
    CONSTRAINT pk_routing_decision PRIMARY KEY (petition_id, seq),
    CONSTRAINT fk_routing_decision_petition FOREIGN KEY (petition_id) REFERENCES petition (id)
);

CREATE TABLE registration_sequence (
    jurisdiction CHAR(6) NOT NULL,
    reg_year     INTEGER NOT NULL,
    last_value   INTEGER NOT NULL,
    CONSTRAINT pk_registration_sequence PRIMARY KEY (jurisdiction, reg_year)
);

-- The versions of every jurisdiction's rule module, as the rules host last recorded them: the one
-- that decides, those kept for a rollback, those a rollback set aside and those refused. The host
-- restores from this table when it starts, so that the same version decides after a restart.
CREATE TABLE rule_module_version (
    jurisdiction VARCHAR(12)   NOT NULL,
    fingerprint  CHAR(64)      NOT NULL,
    module_id    VARCHAR(200)  NOT NULL,
    version      VARCHAR(100)  NOT NULL,
    origin       VARCHAR(500)  NOT NULL,
    source       VARCHAR(1000),
    state        VARCHAR(10)   NOT NULL,
    position     INTEGER       NOT NULL,
    rule_count   INTEGER       NOT NULL,
    changed_at   TIMESTAMP     NOT NULL,
    refusal      VARCHAR(4000),
    files        BLOB(16M),
    CONSTRAINT pk_rule_module_version PRIMARY KEY (jurisdiction, fingerprint)
);

-- The three kinds of rule decisions: routing gains the disposition, co-handling units and priority;
-- confidentiality (all layers combined) and escalations get tables of their own. Each keeps the
-- modules, versions and rules that produced it.

ALTER TABLE routing_decision ADD COLUMN disposition VARCHAR(20) NOT NULL DEFAULT 'TRANSFER';
ALTER TABLE routing_decision ADD COLUMN co_units VARCHAR(2000) NOT NULL DEFAULT '';
ALTER TABLE routing_decision ADD COLUMN priority VARCHAR(10) NOT NULL DEFAULT 'NORMAL';

-- Only cases some rule restricted have a row. provenance: one line per contributing module.
CREATE TABLE confidentiality_decision (
    petition_id     CHAR(36)       NOT NULL,
    identity_hidden BOOLEAN        NOT NULL,
    hidden_from     VARCHAR(8000)  NOT NULL,
    redacted        VARCHAR(200)   NOT NULL,
    readers         VARCHAR(4000)  NOT NULL,
    reasons         VARCHAR(16000) NOT NULL,
    provenance      VARCHAR(16000) NOT NULL,
    decided_at      TIMESTAMP      NOT NULL,
    CONSTRAINT pk_confidentiality_decision PRIMARY KEY (petition_id),
    CONSTRAINT fk_confidentiality_decision_petition FOREIGN KEY (petition_id) REFERENCES petition (id)
);

CREATE TABLE escalation (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY,
    petition_id         CHAR(36)      NOT NULL,
    escalation_level    VARCHAR(20)   NOT NULL,
    urgency             VARCHAR(10)   NOT NULL,
    report_within_hours INTEGER       NOT NULL,
    trigger_kind        VARCHAR(30)   NOT NULL,
    reason              VARCHAR(4000) NOT NULL,
    raised_at           TIMESTAMP     NOT NULL,
    module_id           VARCHAR(100)  NOT NULL,
    module_version      VARCHAR(64)   NOT NULL,
    module_jurisdiction VARCHAR(6)    NOT NULL,
    rules_fired         VARCHAR(4000) NOT NULL,
    CONSTRAINT pk_escalation PRIMARY KEY (id),
    CONSTRAINT fk_escalation_petition FOREIGN KEY (petition_id) REFERENCES petition (id)
);

CREATE INDEX ix_escalation_petition ON escalation (petition_id);
CREATE INDEX ix_escalation_raised ON escalation (raised_at);

-- Overdue events are put to the rules once each (escalation of overdue cases); earlier events count as done.
ALTER TABLE case_event ADD COLUMN assessed BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE case_event SET assessed = TRUE;
CREATE INDEX ix_case_event_assessed ON case_event (assessed, id);

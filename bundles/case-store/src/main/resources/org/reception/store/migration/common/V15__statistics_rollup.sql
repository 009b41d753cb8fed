-- The statistics' rollup (issue 17): the raw cases stay the one source of truth; these tables only
-- keep their counts ready, so that a question over a year of a province reads a few thousand rows
-- instead of every case. Every step that changes a case (registration, a step of the procedure,
-- an escalation) notes the case in statistics_pending in its own transaction; a job counts the
-- noted cases in batches, each batch in one transaction that subtracts what the case added before
-- (statistics_counted), adds what it adds now and deletes the notes: nothing counted twice, nothing
-- lost after a crash. The counts not kept here (overdue, due soon) change with the day alone and
-- are counted from the cases when asked. One column per count of Figures.Count, in its order.

CREATE TABLE statistics_pending (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY,
    petition_id CHAR(36) NOT NULL,
    CONSTRAINT pk_statistics_pending PRIMARY KEY (seq)
);

-- What each case adds now: its day, place and dimension values, and its counts.
CREATE TABLE statistics_counted (
    petition_id  CHAR(36)    NOT NULL,
    received_on  DATE        NOT NULL,
    received_month DATE      NOT NULL,
    jurisdiction CHAR(6)     NOT NULL,
    petition_type VARCHAR(20) NOT NULL,
    category     VARCHAR(40) NOT NULL,
    channel      VARCHAR(20) NOT NULL,
    unit         VARCHAR(40) NOT NULL,
    status       VARCHAR(20) NOT NULL,
    n_registered                     BIGINT NOT NULL,
    n_people                         BIGINT NOT NULL,
    n_group_visits                   BIGINT NOT NULL,
    n_group_visit_people             BIGINT NOT NULL,
    n_accusations                    BIGINT NOT NULL,
    n_confidential                   BIGINT NOT NULL,
    n_repeats                        BIGINT NOT NULL,
    n_accepted                       BIGINT NOT NULL,
    n_transferred                    BIGINT NOT NULL,
    n_assigned                       BIGINT NOT NULL,
    n_redirected                     BIGINT NOT NULL,
    n_not_accepted                   BIGINT NOT NULL,
    n_disposed                       BIGINT NOT NULL,
    n_disposed_on_time               BIGINT NOT NULL,
    n_handled                        BIGINT NOT NULL,
    n_handled_on_time                BIGINT NOT NULL,
    n_replied                        BIGINT NOT NULL,
    n_evaluated                      BIGINT NOT NULL,
    n_satisfied                      BIGINT NOT NULL,
    n_reviews                        BIGINT NOT NULL,
    n_reviews_answered               BIGINT NOT NULL,
    n_reviews_answered_on_time       BIGINT NOT NULL,
    n_re_reviews                     BIGINT NOT NULL,
    n_re_reviews_answered            BIGINT NOT NULL,
    n_re_reviews_answered_on_time    BIGINT NOT NULL,
    n_supervisions                   BIGINT NOT NULL,
    n_supervisions_resolved          BIGINT NOT NULL,
    n_supervisions_resolved_on_time  BIGINT NOT NULL,
    n_escalated                      BIGINT NOT NULL,
    CONSTRAINT pk_statistics_counted PRIMARY KEY (petition_id)
);

-- The counts of the cases of one place received on one day ('D') or in one month ('M', keyed by its
-- first day) that have one value of one dimension (for DIVISION the value is the place).
CREATE TABLE statistics_rollup (
    dimension    VARCHAR(10) NOT NULL,
    span         CHAR(1)     NOT NULL,
    period_start DATE        NOT NULL,
    jurisdiction CHAR(6)     NOT NULL,
    dim_value    VARCHAR(40) NOT NULL,
    n_registered                     BIGINT NOT NULL,
    n_people                         BIGINT NOT NULL,
    n_group_visits                   BIGINT NOT NULL,
    n_group_visit_people             BIGINT NOT NULL,
    n_accusations                    BIGINT NOT NULL,
    n_confidential                   BIGINT NOT NULL,
    n_repeats                        BIGINT NOT NULL,
    n_accepted                       BIGINT NOT NULL,
    n_transferred                    BIGINT NOT NULL,
    n_assigned                       BIGINT NOT NULL,
    n_redirected                     BIGINT NOT NULL,
    n_not_accepted                   BIGINT NOT NULL,
    n_disposed                       BIGINT NOT NULL,
    n_disposed_on_time               BIGINT NOT NULL,
    n_handled                        BIGINT NOT NULL,
    n_handled_on_time                BIGINT NOT NULL,
    n_replied                        BIGINT NOT NULL,
    n_evaluated                      BIGINT NOT NULL,
    n_satisfied                      BIGINT NOT NULL,
    n_reviews                        BIGINT NOT NULL,
    n_reviews_answered               BIGINT NOT NULL,
    n_reviews_answered_on_time       BIGINT NOT NULL,
    n_re_reviews                     BIGINT NOT NULL,
    n_re_reviews_answered            BIGINT NOT NULL,
    n_re_reviews_answered_on_time    BIGINT NOT NULL,
    n_supervisions                   BIGINT NOT NULL,
    n_supervisions_resolved          BIGINT NOT NULL,
    n_supervisions_resolved_on_time  BIGINT NOT NULL,
    n_escalated                      BIGINT NOT NULL,
    CONSTRAINT pk_statistics_rollup PRIMARY KEY (dimension, span, period_start, jurisdiction, dim_value)
);

-- 'batches': updated first by every batch, so that the batches of several nodes take their turns;
-- 'complete': 1 once every case is counted. The store counts the cases stored before the rollup
-- existed when it starts (a recount); until then the figures are counted from the cases.
CREATE TABLE statistics_state (
    name  VARCHAR(20) NOT NULL,
    value BIGINT      NOT NULL,
    CONSTRAINT pk_statistics_state PRIMARY KEY (name)
);
INSERT INTO statistics_state (name, value) VALUES ('batches', 0);
INSERT INTO statistics_state (name, value) VALUES ('complete', 0);
UPDATE statistics_state SET value = 1 WHERE name = 'complete' AND NOT EXISTS (SELECT 1 FROM petition);

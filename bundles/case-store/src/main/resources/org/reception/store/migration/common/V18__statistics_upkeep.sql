-- The statistics' rollup, second step (issue 17): petitions filed above their level (越级) join the
-- kept counts, and the cases with a pending time limit are kept in a narrow table of their own, so
-- that overdue and due soon (which change with the day alone) are counted from one index instead
-- of the petitions' rows. Both are kept by the rollup's batches; the first start after this
-- counts every case anew.
ALTER TABLE statistics_counted ADD COLUMN n_filed_above_level BIGINT NOT NULL DEFAULT 0;
ALTER TABLE statistics_rollup ADD COLUMN n_filed_above_level BIGINT NOT NULL DEFAULT 0;

CREATE TABLE statistics_due (
    petition_id   CHAR(36)    NOT NULL,
    next_due      DATE        NOT NULL,
    received_on   DATE        NOT NULL,
    jurisdiction  CHAR(6)     NOT NULL,
    petition_type VARCHAR(20) NOT NULL,
    category      VARCHAR(40) NOT NULL,
    channel       VARCHAR(20) NOT NULL,
    unit          VARCHAR(40) NOT NULL,
    status        VARCHAR(20) NOT NULL,
    CONSTRAINT pk_statistics_due PRIMARY KEY (petition_id)
);
-- Every column a question reads: the live counts come from the index alone.
CREATE INDEX ix_statistics_due ON statistics_due (next_due, received_on, jurisdiction, petition_type, category,
    channel, unit, status);

UPDATE statistics_state SET value = 0 WHERE name = 'complete' AND EXISTS (SELECT 1 FROM petition);

-- The statutory channel a redirected petition was sent to (诉访分离, Art. 31), and its counts in the
-- statistics' rollup; the first start after this counts every case anew.
ALTER TABLE petition ADD COLUMN redirect_channel VARCHAR(40);
ALTER TABLE statistics_counted ADD COLUMN n_redirected_to_litigation BIGINT NOT NULL DEFAULT 0;
ALTER TABLE statistics_counted ADD COLUMN n_redirected_to_discipline_supervision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE statistics_counted ADD COLUMN n_redirected_to_arbitration BIGINT NOT NULL DEFAULT 0;
ALTER TABLE statistics_counted ADD COLUMN n_redirected_to_administrative_reconsideration BIGINT NOT NULL DEFAULT 0;
ALTER TABLE statistics_rollup ADD COLUMN n_redirected_to_litigation BIGINT NOT NULL DEFAULT 0;
ALTER TABLE statistics_rollup ADD COLUMN n_redirected_to_discipline_supervision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE statistics_rollup ADD COLUMN n_redirected_to_arbitration BIGINT NOT NULL DEFAULT 0;
ALTER TABLE statistics_rollup ADD COLUMN n_redirected_to_administrative_reconsideration BIGINT NOT NULL DEFAULT 0;
UPDATE statistics_state SET value = 0 WHERE name = 'complete' AND EXISTS (SELECT 1 FROM petition);

-- The audit chain is sealed after commit instead of during it. An entry is written with the
-- business change it records, without a position or hash; the sealer then gives committed entries,
-- in order, the next position and the hash over the one before. Writers no longer queue on the
-- chain's head row until their commit, so commits of concurrent registrations share log flushes.

ALTER TABLE audit_entry DROP CONSTRAINT pk_audit_entry;
ALTER TABLE audit_entry ALTER COLUMN seq DROP NOT NULL;
ALTER TABLE audit_entry ALTER COLUMN previous_hash DROP NOT NULL;
ALTER TABLE audit_entry ALTER COLUMN hash DROP NOT NULL;
ALTER TABLE audit_entry ADD COLUMN entry_id VARCHAR(36);
UPDATE audit_entry SET entry_id = 'sealed-' || CAST(seq AS VARCHAR(20));
ALTER TABLE audit_entry ALTER COLUMN entry_id SET NOT NULL;
ALTER TABLE audit_entry ADD CONSTRAINT pk_audit_entry PRIMARY KEY (entry_id);
ALTER TABLE audit_entry ADD CONSTRAINT uq_audit_entry_seq UNIQUE (seq);
-- The order entries were appended in; from a sequence, which hands out numbers without locks.
CREATE SEQUENCE audit_entry_order AS BIGINT START WITH 1;
ALTER TABLE audit_entry ADD COLUMN appended BIGINT NOT NULL DEFAULT 0;
CREATE INDEX ix_audit_entry_unsealed ON audit_entry (seq, appended);

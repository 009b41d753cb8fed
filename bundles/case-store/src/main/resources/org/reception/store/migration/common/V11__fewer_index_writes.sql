-- Indexes that cost a write with every registration and that no query reads any more.

-- The list index leads with received_at and serves every range on it.
DROP INDEX ix_petition_received;
-- A case's trail is read in the order of its steps (appended). Keyed by the chain position, the
-- index was rewritten when the sealer gave each entry its position.
DROP INDEX ix_audit_entry_petition;
CREATE INDEX ix_audit_entry_trail ON audit_entry (petition_id, appended);

-- Lists show the newest petitions first. Walking this index from its start finds the first page
-- of any list after as many rows as the filter needs, instead of sorting every match.
CREATE INDEX ix_petition_received_desc ON petition (received_at DESC, id);

-- The list criteria live in the list index itself, after the order of the lists (newest first):
-- a combined filter is checked on index entries, and only the rows of the page are read.
DROP INDEX ix_petition_received_desc;
CREATE INDEX ix_petition_list ON petition
    (received_at DESC, id, jurisdiction, status, handling_unit, next_due, petition_type, channel);

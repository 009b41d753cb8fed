-- The supervisors' usual question, "which cases of my jurisdiction in this state are overdue",
-- answered from one index range: the jurisdiction prefix, then status and due date on its entries.
CREATE INDEX ix_petition_place_status_due ON petition (jurisdiction, status, next_due);

-- The reception center that registered each petition (its division prefix), so that a county's
-- matter received by a city or the province counts as filed above its level (越级, issue 17).
-- Petitions registered before it was kept count as received by their own place.
ALTER TABLE petition ADD COLUMN received_by VARCHAR(6);

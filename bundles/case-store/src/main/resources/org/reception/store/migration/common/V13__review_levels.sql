-- The level (a division code) at which a review and a re-review were answered (Art. 35, 36): a
-- re-review is answered above the level of the review.
ALTER TABLE petition ADD COLUMN review_level VARCHAR(6);
ALTER TABLE petition ADD COLUMN re_review_level VARCHAR(6);

-- Petitioners' identity numbers, phones and addresses are stored sealed (AES-GCM, key outside the
-- database); identity numbers are searched by a keyed hash. The plaintext columns stay for rows
-- written before, which the store seals and blanks when it starts.
ALTER TABLE petitioner ADD COLUMN resident_id_sealed VARCHAR(200);
ALTER TABLE petitioner ADD COLUMN resident_id_index CHAR(64);
ALTER TABLE petitioner ADD COLUMN phone_sealed VARCHAR(200);
ALTER TABLE petitioner ADD COLUMN address_sealed VARCHAR(1200);
ALTER TABLE petitioner ALTER COLUMN resident_id DROP NOT NULL;
DROP INDEX ix_petitioner_resident_id;
CREATE INDEX ix_petitioner_resident_index ON petitioner (resident_id_index);
ALTER TABLE idempotent_request ALTER COLUMN query_code TYPE VARCHAR(200);

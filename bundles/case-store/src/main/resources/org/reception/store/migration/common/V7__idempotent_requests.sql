-- Registrations recorded under the idempotency key a client sent, so that a retry is answered as
-- the first request was and never stores a second petition. Only a hash of the key is kept. The
-- query code is kept to answer the retry with the receipt; keys are forgotten after a day.

CREATE TABLE idempotent_request (
    key_hash            CHAR(64)      NOT NULL,
    request_hash        CHAR(64)      NOT NULL,
    petition_id         CHAR(36)      NOT NULL,
    query_code          VARCHAR(20)   NOT NULL,
    possible_duplicates VARCHAR(4000) NOT NULL,
    created_at          TIMESTAMP     NOT NULL,
    CONSTRAINT pk_idempotent_request PRIMARY KEY (key_hash),
    CONSTRAINT fk_idempotent_request_petition FOREIGN KEY (petition_id) REFERENCES petition (id)
);

CREATE INDEX ix_idempotent_request_created ON idempotent_request (created_at);

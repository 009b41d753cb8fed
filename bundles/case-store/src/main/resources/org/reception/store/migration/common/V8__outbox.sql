-- Deliveries of cases to county systems, written with the state change that calls for them.
CREATE TABLE outbox_message (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY,
    idempotency_key     CHAR(36)      NOT NULL,
    destination         VARCHAR(6)    NOT NULL,
    petition_id         CHAR(36)      NOT NULL,
    registration_number VARCHAR(32)   NOT NULL,
    kind                VARCHAR(20)   NOT NULL,
    status              VARCHAR(10)   NOT NULL,
    attempts            INTEGER       NOT NULL DEFAULT 0,
    created_at          TIMESTAMP     NOT NULL,
    next_attempt_at     TIMESTAMP,
    delivered_at        TIMESTAMP,
    last_error          VARCHAR(1000),
    CONSTRAINT pk_outbox_message PRIMARY KEY (id),
    CONSTRAINT uq_outbox_message_key UNIQUE (idempotency_key),
    CONSTRAINT fk_outbox_message_petition FOREIGN KEY (petition_id) REFERENCES petition (id)
);

CREATE INDEX ix_outbox_message_due ON outbox_message (status, next_attempt_at);

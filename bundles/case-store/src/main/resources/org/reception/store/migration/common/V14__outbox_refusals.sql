-- How many times in a row a county system refused a delivery (answered, and said no): at the
-- configured number the message is parked with status REFUSED until an operator retries it.
ALTER TABLE outbox_message ADD COLUMN refusals INTEGER NOT NULL DEFAULT 0;

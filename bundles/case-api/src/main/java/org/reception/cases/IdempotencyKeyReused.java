package org.reception.cases;

/** An idempotency key sent again with a different request: the client mixed up its keys. Nothing was stored. */
public class IdempotencyKeyReused extends ReceptionException {

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReused(String message) {
        super(message);
    }

    @Override
    public Problem problem() {
        return Problem.IDEMPOTENCY_KEY_REUSED;
    }
}

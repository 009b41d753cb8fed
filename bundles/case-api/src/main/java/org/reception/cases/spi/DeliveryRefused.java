package org.reception.cases.spi;

/**
 * Thrown by an {@link OutboundAdapter} when the county system answered and declined the case
 * (SOAP {@code accepted=false}, a 4xx HTTP status): not a delivery, and not a network failure
 * either. The outbox tries it again as it would a failure, and after the configured number of
 * refusals parks it as {@link org.reception.cases.OutboxMessage.Status#REFUSED} with this reason,
 * until an operator retries it.
 */
public class DeliveryRefused extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param reason what the county system said, for operators: e.g. {@code HTTP 422: unknown unit 520102-ZJJ} */
    public DeliveryRefused(String reason) {
        super(reason);
    }
}

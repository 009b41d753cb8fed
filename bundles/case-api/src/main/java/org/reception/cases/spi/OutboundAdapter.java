package org.reception.cases.spi;

import org.reception.cases.OutboxMessage;
import org.reception.cases.Petition;

/**
 * Delivers cases to one county's system: the platform's REST and SOAP clients, configured per
 * county in {@code etc/org.reception.county-<code>.cfg}, or a county's own adapter in its plugin
 * bundle. Registered as an OSGi service with the property {@value #DESTINATION} naming the
 * division code it serves; the platform's outbox calls it until a delivery succeeds.
 */
public interface OutboundAdapter {

    /** Service property: the division code of the county system this adapter delivers to. */
    String DESTINATION = "destination";

    /**
     * Delivers the case, or throws. Must send {@link OutboxMessage#idempotencyKey()} along, so
     * that a county system that honours it takes a case delivered twice (an answer lost on the way
     * back) once.
     *
     * @param petition the case as it stands now, personal data masked as on every read path
     * @throws DeliveryRefused the county system answered and declined the case: retried, then parked as refused
     * @throws Exception anything else: the delivery is retried later with backoff; the exception's
     *         message is shown to operators as the last error, so it should name the host and the cause
     */
    void deliver(OutboxMessage message, Petition petition) throws Exception;
}

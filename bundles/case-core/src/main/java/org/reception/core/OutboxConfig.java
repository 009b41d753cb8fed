package org.reception.core;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Reception outbox",
        description = "How cases are delivered to county systems: polling, batches and backoff.")
public @interface OutboxConfig {

    String PID = "org.reception.outbox";

    @AttributeDefinition(name = "Poll interval (ms)", description = "How often the outbox is looked at for due deliveries.", min = "50")
    long pollMillis() default 1_000;

    @AttributeDefinition(name = "Batch", description = "Most deliveries attempted per poll.", min = "1")
    int batchSize() default 50;

    @AttributeDefinition(name = "Longest backoff (s)",
            description = "A failed delivery is retried after 2, 4, 8, … seconds, never more than this.", min = "1")
    int maxBackoffSeconds() default 300;

    @AttributeDefinition(name = "Refusals before parking",
            description = "A delivery the county system refuses (SOAP accepted=false, an HTTP 4xx but 408, 409 and 429)"
                    + " is tried again with the same backoff; at this many refusals since it was written or last"
                    + " retried it is parked as REFUSED until an operator retries it.", min = "1")
    int maxRefusals() default 5;
}

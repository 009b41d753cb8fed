package org.reception.cases;

import java.time.Instant;

/**
 * The platform's record of which unit handles a petition and why; kept with the case so that any
 * past decision can be explained.
 */
public record RoutingDecision(String unitCode, String unitName, String reason, Instant decidedAt,
                              RuleProvenance provenance) {
}

package org.reception.cases;

import java.time.Instant;
import java.util.List;

/**
 * The platform's record of how the rules proposed to dispose of a petition, which unit handles
 * it and why; kept with the case so that any past decision can be explained.
 *
 * @param unitCode the handling unit; in joint handling the lead unit (Art. 24)
 * @param coUnits the co-handling units
 */
public record RoutingDecision(Disposition disposition, String unitCode, String unitName, List<String> coUnits,
                              Priority priority, String reason, Instant decidedAt, RuleProvenance provenance) {
    public RoutingDecision {
        coUnits = List.copyOf(coUnits);
    }
}

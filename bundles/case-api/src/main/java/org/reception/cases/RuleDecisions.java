package org.reception.cases;

import java.util.List;

/** What the rules of a petition's jurisdiction decided for it, all layers combined. */
public record RuleDecisions(RoutingDecision routing, ConfidentialityDecision confidentiality,
                            List<EscalationDecision> escalations) {
    public RuleDecisions {
        escalations = List.copyOf(escalations);
    }
}

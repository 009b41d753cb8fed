package org.reception.cases;

import java.util.List;

/**
 * What the rules decided for one case, without the case: what a rule administrator needs to
 * explain a decision. Whom the case is hidden from is left out unless the reader is of the
 * reception center.
 */
public record CaseDecisions(String registrationNumber, String jurisdiction, RoutingDecision routing,
                            ConfidentialityDecision confidentiality, List<EscalationDecision> escalations) {
    public CaseDecisions {
        escalations = List.copyOf(escalations);
    }
}

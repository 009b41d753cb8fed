package org.reception.cases.spi;

import java.time.Instant;

import org.reception.cases.RuleDecisions;
import org.reception.rules.PetitionFact;

/**
 * Decides, by the rules of a petition's jurisdiction, how it is routed, how confidential it is and
 * whether it is escalated; implemented by the rules host over the rule modules.
 */
public interface RuleEngine {

    /**
     * @param decidedAt the platform's time of the decision
     * @throws org.reception.cases.ServiceUnavailable if no rule module can route the petition
     *         (the province's module is missing)
     */
    RuleDecisions decide(PetitionFact petition, Instant decidedAt);
}

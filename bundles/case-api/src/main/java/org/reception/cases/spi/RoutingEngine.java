package org.reception.cases.spi;

import java.time.Instant;

import org.reception.cases.RoutingDecision;
import org.reception.rules.PetitionFact;

/** Decides which unit handles a petition; implemented by the rules host over the rule modules. */
public interface RoutingEngine {

    /**
     * @param decidedAt the platform's time of the decision
     * @throws org.reception.cases.ServiceUnavailable if no rule module can decide for the
     *         petition's jurisdiction (the province's module is missing)
     */
    RoutingDecision route(PetitionFact petition, Instant decidedAt);
}

package org.reception.cases.spi;

import org.reception.cases.RoutingDecision;
import org.reception.rules.PetitionFact;

/** Decides which unit handles a petition; implemented by the rules host over the rule modules. */
public interface RoutingEngine {

    /**
     * @throws org.reception.cases.ServiceUnavailable if no rule module can decide for the
     *         petition's jurisdiction (the province's module is missing)
     */
    RoutingDecision route(PetitionFact petition);
}

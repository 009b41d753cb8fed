package org.reception.rules.admin;

import java.time.Instant;

import org.reception.cases.RuleDecisions;
import org.reception.rules.PetitionFact;

/**
 * A module compiled and validated off to the side, never published: what-if asks it and the
 * modules that serve the same petitions, and compares.
 */
public interface RuleCandidate {

    RuleModuleInfo module();

    /** The decisions the platform would take if the candidate replaced its jurisdiction's module. */
    RuleDecisions decideWithCandidate(PetitionFact petition, Instant decidedAt);

    /** The decisions the serving modules take. */
    RuleDecisions decideAsServing(PetitionFact petition, Instant decidedAt);
}

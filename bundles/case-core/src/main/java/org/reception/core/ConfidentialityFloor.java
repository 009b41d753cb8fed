package org.reception.core;

import java.util.List;
import java.util.Set;

import org.reception.cases.ConfidentialityDecision;
import org.reception.cases.Petition;
import org.reception.cases.PetitionType;
import org.reception.cases.RuleProvenance;

/**
 * What the platform itself guarantees of a case's confidentiality, whatever the rule modules
 * decide (《信访工作条例》第三十条: an accusation and what it says are never passed on to the
 * persons and units it accuses): an accusation is hidden from every unit and person it names, and
 * its petitioners' identity is hidden. Rules only add to the floor, never take from it: it is
 * combined with their decision when a petition is registered, and again whenever a case is read or
 * handed on, so that a module that failed, was replaced, or decided before the floor existed
 * cannot open a case to those it accuses.
 */
final class ConfidentialityFloor {

    static final String RULE = "Accusations are kept from the accused, and the accuser's identity hidden"
            + " (Art. 30, the platform's floor)";
    static final String REASON = "《信访工作条例》第三十条：检举、揭发、控告材料不得透露、转送给被检举、揭发、控告的人员和单位"
            + "（平台保障）";
    static final String SOURCE = "platform";

    private ConfidentialityFloor() {
    }

    /** The case's confidentiality as the platform applies it: the rules' decision, raised to the floor. */
    static ConfidentialityDecision of(Petition petition) {
        return raise(petition.type(), petition.accused(), petition.jurisdiction(), petition.confidentiality());
    }

    /** @param rules the decision of the rule modules, all layers combined */
    static ConfidentialityDecision raise(PetitionType type, List<String> accused, String jurisdiction,
                                         ConfidentialityDecision rules) {
        if (type != PetitionType.ACCUSATION) {
            return rules;
        }
        ConfidentialityDecision floor = new ConfidentialityDecision(true, Set.copyOf(accused), Set.of(), Set.of(),
                List.of(REASON), rules.decidedAt(), List.of(new RuleProvenance(SOURCE, "floor", jurisdiction,
                        List.of(RULE))));
        return rules.strictest(floor);
    }
}

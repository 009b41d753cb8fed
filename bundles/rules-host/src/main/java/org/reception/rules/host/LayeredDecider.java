package org.reception.rules.host;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.reception.cases.ConfidentialityDecision;
import org.reception.cases.EscalationDecision;
import org.reception.cases.RoutingDecision;
import org.reception.cases.RuleDecisions;
import org.reception.cases.RuleProvenance;
import org.reception.cases.ServiceUnavailable;
import org.reception.rules.Confidentiality;
import org.reception.rules.Escalation;
import org.reception.rules.PetitionFact;
import org.reception.rules.Routing;

/**
 * Decides a petition through the layers of its jurisdiction, county, city and province: the most
 * local routing wins, confidentiality combines to the strictest, escalations add up (two of the
 * same level and trigger merge into the more urgent).
 */
public final class LayeredDecider {

    private final RuleBases ruleBases;
    private final RuleEvaluator evaluator;

    public LayeredDecider(RuleBases ruleBases, RuleEvaluator evaluator) {
        this.ruleBases = ruleBases;
        this.evaluator = evaluator;
    }

    public RuleDecisions decide(PetitionFact petition, Instant decidedAt) {
        return decide(petition, decidedAt, null);
    }

    /** @param replacing a module to decide in place of the one of its jurisdiction (what-if), or null */
    public RuleDecisions decide(PetitionFact petition, Instant decidedAt, CompiledRuleModule replacing) {
        List<CompiledRuleModule> all = ruleBases.layersFor(petition.getJurisdiction(), replacing);
        List<CompiledRuleModule> layers = all.stream().filter(module -> !module.counters().suspended()).toList();
        if (layers.isEmpty()) {
            throw new ServiceUnavailable("no rule module decides for jurisdiction " + petition.getJurisdiction());
        }
        RoutingDecision routing = null;
        ConfidentialityDecision confidentiality = ConfidentialityDecision.none(decidedAt);
        for (CompiledRuleModule suspended : all) {
            if (suspended.counters().suspended()) {
                confidentiality = confidentiality.strictest(unknown(ModuleVerdict.brokenOff(suspended, List.of(),
                        "is suspended"), decidedAt));
            }
        }
        List<EscalationDecision> escalations = new ArrayList<>();
        for (ModuleVerdict verdict : evaluator.evaluate(layers, petition)) {
            RuleProvenance provenance = provenance(verdict);
            Optional<Routing> proposed = verdict.routing();
            if (routing == null && proposed.isPresent()) {
                routing = routing(proposed.get(), provenance, decidedAt);
            }
            if (verdict.problem().isPresent()) {
                confidentiality = confidentiality.strictest(unknown(verdict, decidedAt));
            }
            for (Confidentiality restriction : verdict.confidentiality()) {
                confidentiality = confidentiality.strictest(confidentiality(restriction, provenance, decidedAt));
            }
            for (Escalation escalation : verdict.escalations()) {
                add(escalations, escalation(escalation, provenance, decidedAt));
            }
        }
        if (routing == null) {
            throw new ServiceUnavailable("no rule module emitted a routing for " + petition
                    + "; the province's module must always route");
        }
        return new RuleDecisions(routing, confidentiality, escalations);
    }

    private static void add(List<EscalationDecision> escalations, EscalationDecision added) {
        for (int i = 0; i < escalations.size(); i++) {
            EscalationDecision present = escalations.get(i);
            if (present.sameReport(added)) {
                if (moreUrgent(added, present)) {
                    escalations.set(i, added);
                }
                return;
            }
        }
        escalations.add(added);
    }

    private static boolean moreUrgent(EscalationDecision a, EscalationDecision b) {
        return a.urgency().compareTo(b.urgency()) > 0
                || a.urgency() == b.urgency() && a.reportWithinHours() < b.reportWithinHours();
    }

    /** What a module that could not decide would have restricted is unknown: err on the side of the petitioner. */
    private static ConfidentialityDecision unknown(ModuleVerdict verdict, Instant decidedAt) {
        return new ConfidentialityDecision(true, Set.of(), Set.of(), Set.of(), List.of("rule module "
                + verdict.module().id() + " " + verdict.module().version() + " " + verdict.problem().orElse("failed")
                + "; the petitioners' identity is hidden"), decidedAt, List.of(provenance(verdict)));
    }

    private static RuleProvenance provenance(ModuleVerdict verdict) {
        CompiledRuleModule module = verdict.module();
        return new RuleProvenance(module.id(), module.version(), module.jurisdiction(), verdict.rulesFired());
    }

    private static RoutingDecision routing(Routing routing, RuleProvenance provenance, Instant decidedAt) {
        return new RoutingDecision(routing.getDisposition(), routing.getUnitCode(), routing.getUnitName(),
                routing.getCoUnits(), routing.getPriority(), routing.getReason(), decidedAt, provenance);
    }

    private static ConfidentialityDecision confidentiality(Confidentiality restriction, RuleProvenance provenance,
                                                           Instant decidedAt) {
        return new ConfidentialityDecision(restriction.isIdentityHidden(), restriction.getHiddenFrom(),
                restriction.getRedacted(), restriction.getReaders(), List.of(restriction.getReason()), decidedAt,
                List.of(provenance));
    }

    private static EscalationDecision escalation(Escalation escalation, RuleProvenance provenance, Instant decidedAt) {
        return new EscalationDecision(escalation.getLevel(), escalation.getUrgency(),
                escalation.getReportWithinHours(), escalation.getTrigger(), escalation.getReason(), decidedAt,
                provenance);
    }
}

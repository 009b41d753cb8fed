package org.reception.rules.host;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.reception.cases.RoutingDecision;
import org.reception.cases.RuleProvenance;
import org.reception.cases.ServiceUnavailable;
import org.reception.rules.PetitionFact;
import org.reception.rules.Routing;

/**
 * Routes a petition through the layers of its jurisdiction: the most local module that emits a
 * routing decides; the province's module is the one that always must.
 */
public final class LayeredRouter {

    private final RuleBases ruleBases;
    private final RuleEvaluator evaluator;

    public LayeredRouter(RuleBases ruleBases, RuleEvaluator evaluator) {
        this.ruleBases = ruleBases;
        this.evaluator = evaluator;
    }

    public RoutingDecision route(PetitionFact petition, Instant decidedAt) {
        List<CompiledRuleModule> layers = ruleBases.layersFor(petition.getJurisdiction());
        if (layers.isEmpty()) {
            throw new ServiceUnavailable("no rule module decides for jurisdiction " + petition.getJurisdiction());
        }
        for (CompiledRuleModule layer : layers) {
            ModuleVerdict verdict = evaluator.evaluate(layer, petition);
            Optional<Routing> routing = verdict.routing();
            if (routing.isPresent()) {
                return decision(routing.get(), verdict, decidedAt);
            }
        }
        throw new ServiceUnavailable("no rule module emitted a routing for " + petition
                + "; the province's module must always route");
    }

    private static RoutingDecision decision(Routing routing, ModuleVerdict verdict, Instant decidedAt) {
        CompiledRuleModule module = verdict.module();
        return new RoutingDecision(routing.getUnitCode(), routing.getUnitName(), routing.getReason(), decidedAt,
                new RuleProvenance(module.id(), module.version(), module.jurisdiction(), verdict.rulesFired()));
    }
}

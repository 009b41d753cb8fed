package org.reception.rules.host;

import static org.reception.rules.host.DroolsClassLoading.withHostClassLoader;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.reception.rules.PetitionFact;
import org.reception.rules.Routing;

/** Runs one compiled module against one petition in a session of its own. */
public final class RuleEvaluator {

    private static final Logger LOG = LogManager.getLogger(RuleEvaluator.class);

    private final int fireLimit;

    /** @param fireLimit how many rule firings one decision may take before the module is deemed runaway */
    public RuleEvaluator(int fireLimit) {
        this.fireLimit = fireLimit;
    }

    public ModuleVerdict evaluate(CompiledRuleModule module, PetitionFact petition) {
        return withHostClassLoader(() -> run(module, petition));
    }

    private ModuleVerdict run(CompiledRuleModule module, PetitionFact petition) {
        List<String> fired = new ArrayList<>();
        List<Routing> routings = new ArrayList<>();
        KieSession session = module.kieBase().newKieSession();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule().getName());
                }
            });
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    if (event.getObject() instanceof Routing routing) {
                        routings.add(routing);
                    }
                }
            });
            session.insert(petition);
            int firings = session.fireAllRules(fireLimit);
            if (firings >= fireLimit) {
                LOG.warn("Rule module {} {} reached the fire limit of {} for {}; its decision is ignored",
                        module.id(), module.version(), fireLimit, petition);
                return new ModuleVerdict(module, Optional.empty(), fired);
            }
        } finally {
            session.dispose();
        }
        if (routings.size() > 1) {
            LOG.warn("Rule module {} {} emitted {} routings for {}; the first one is taken",
                    module.id(), module.version(), routings.size(), petition);
        }
        return new ModuleVerdict(module, routings.stream().findFirst(), fired);
    }
}

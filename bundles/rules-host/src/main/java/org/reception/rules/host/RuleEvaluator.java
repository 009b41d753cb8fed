package org.reception.rules.host;

import static org.reception.rules.host.DroolsClassLoading.withHostClassLoader;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.reception.rules.Confidentiality;
import org.reception.rules.Escalation;
import org.reception.rules.PetitionFact;
import org.reception.rules.Routing;

/**
 * Runs compiled modules against a petition, each in a session of its own, on the caller's thread,
 * within two limits per module: a number of rule firings (a rule that keeps re-activating itself),
 * and a time. Module code ends by construction ({@link ModuleBytecode}: no loops, no recursion, no
 * regular expressions; conditions held to the contract by {@link ModuleConditions}), so no
 * decision can hold a thread for ever and none needs handing to a worker that could be left
 * behind: a module whose decision outlives the time limit (a long text, many firings) decides
 * nothing for that petition and is suspended for the next ones, until a new version arrives.
 */
public final class RuleEvaluator implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(RuleEvaluator.class);

    // Changed while the platform runs (etc/org.reception.rules.cfg); an evaluation reads each once.
    private volatile int fireLimit;
    private volatile long timeLimitNanos;

    /**
     * @param fireLimit how many rule firings one module may take for one petition
     * @param timeLimitMillis how long one module may take for one petition
     */
    public RuleEvaluator(int fireLimit, long timeLimitMillis) {
        limits(fireLimit, timeLimitMillis);
    }

    /** New limits for the decisions that start from now on; those under way keep theirs. */
    public void limits(int fireLimit, long timeLimitMillis) {
        this.fireLimit = fireLimit;
        this.timeLimitNanos = TimeUnit.MILLISECONDS.toNanos(timeLimitMillis);
    }

    public ModuleVerdict evaluate(CompiledRuleModule module, PetitionFact petition) {
        return evaluate(List.of(module), petition).get(0);
    }

    /** @return one verdict per module, in the order given */
    public List<ModuleVerdict> evaluate(List<CompiledRuleModule> modules, PetitionFact petition) {
        long limit = timeLimitNanos;
        return withHostClassLoader(() -> {
            List<ModuleVerdict> verdicts = new ArrayList<>(modules.size());
            for (CompiledRuleModule module : modules) {
                List<String> fired = new ArrayList<>();
                long started = System.nanoTime();
                ModuleVerdict verdict = evaluateHere(module, petition, fired);
                long took = System.nanoTime() - started;
                if (took > limit) {
                    module.counters().runaways.incrementAndGet();
                    module.counters().suspended.set(true);
                    LOG.error("Rule module {} {} took {} ms for {}, more than the limit of {} ms; its decision is"
                            + " ignored and it is suspended until a new version arrives; rules fired: {}", module.id(),
                            module.version(), TimeUnit.NANOSECONDS.toMillis(took), petition,
                            TimeUnit.NANOSECONDS.toMillis(limit), fired);
                    verdict = ModuleVerdict.brokenOff(module, List.copyOf(fired),
                            "took more than " + TimeUnit.NANOSECONDS.toMillis(limit) + " ms");
                }
                verdicts.add(verdict);
            }
            return verdicts;
        });
    }

    private ModuleVerdict evaluateHere(CompiledRuleModule module, PetitionFact petition, List<String> fired) {
        module.counters().evaluations.incrementAndGet();
        try {
            return run(module, petition, fired);
        } catch (RuntimeException e) {
            LOG.error("Rule module {} {} failed for {}; its decision is ignored", module.id(), module.version(),
                    petition, e);
            return ModuleVerdict.brokenOff(module, List.copyOf(fired), "failed: " + e);
        }
    }

    private ModuleVerdict run(CompiledRuleModule module, PetitionFact petition, List<String> fired) {
        List<Routing> routings = new ArrayList<>();
        List<Confidentiality> confidentiality = new ArrayList<>();
        List<Escalation> escalations = new ArrayList<>();
        KieSession session = module.kieBase().newKieSession();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    // Each rule once, in the order it first fired: a rule firing ten thousand times is one name.
                    String rule = event.getMatch().getRule().getName();
                    if (!fired.contains(rule)) {
                        fired.add(rule);
                    }
                }
            });
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    Object decision = event.getObject();
                    if (decision instanceof Routing routing) {
                        routings.add(routing);
                    } else if (decision instanceof Confidentiality restriction) {
                        confidentiality.add(restriction);
                    } else if (decision instanceof Escalation escalation) {
                        escalations.add(escalation);
                    }
                }
            });
            session.insert(petition);
            int limit = fireLimit;
            int firings = session.fireAllRules(limit);
            if (firings >= limit) {
                module.counters().runaways.incrementAndGet();
                LOG.warn("Rule module {} {} reached the fire limit of {} for {}; its decision is ignored",
                        module.id(), module.version(), limit, petition);
                return ModuleVerdict.brokenOff(module, List.copyOf(fired), "reached the fire limit of " + limit);
            }
        } finally {
            session.dispose();
        }
        if (routings.size() > 1) {
            LOG.warn("Rule module {} {} emitted {} routings for {}; the first one is taken",
                    module.id(), module.version(), routings.size(), petition);
        }
        Optional<Routing> routing = routings.stream().findFirst();
        Optional<String> refused = DecisionCheck.problem(module, routing, confidentiality, escalations);
        if (refused.isPresent()) {
            LOG.warn("Rule module {} {} emitted a decision the platform does not accept for {}: {}; its decision is"
                    + " ignored", module.id(), module.version(), petition.getRegistrationNumber(), refused.get());
            return ModuleVerdict.brokenOff(module, List.copyOf(fired),
                    "emitted a decision the platform does not accept: " + refused.get());
        }
        return new ModuleVerdict(module, routing, confidentiality, escalations, List.copyOf(fired), Optional.empty());
    }

    /** Nothing to release: decisions run on their callers' threads. */
    @Override
    public void close() {
    }
}

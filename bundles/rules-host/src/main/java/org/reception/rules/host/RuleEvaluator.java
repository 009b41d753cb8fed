package org.reception.rules.host;

import static org.reception.rules.host.DroolsClassLoading.withHostClassLoader;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

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
 * Runs one compiled module against one petition in a session of its own, within two limits: a
 * number of rule firings (a rule that keeps re-activating itself) and a time (a rule whose
 * condition or action never returns). A module that outlives the time limit is suspended, since
 * the thread it holds cannot be taken back; it decides nothing more until a new version arrives.
 */
public final class RuleEvaluator implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(RuleEvaluator.class);

    private final int fireLimit;
    private final long timeLimitMillis;
    private final ExecutorService sessions;

    /**
     * @param fireLimit how many rule firings one decision may take before the module is deemed runaway
     * @param timeLimitMillis how long one module may take for one decision
     */
    public RuleEvaluator(int fireLimit, long timeLimitMillis) {
        this.fireLimit = fireLimit;
        this.timeLimitMillis = timeLimitMillis;
        AtomicInteger threads = new AtomicInteger();
        this.sessions = Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work, "reception-rules-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public ModuleVerdict evaluate(CompiledRuleModule module, PetitionFact petition) {
        module.counters().evaluations.incrementAndGet();
        List<String> fired = Collections.synchronizedList(new ArrayList<>());
        Future<ModuleVerdict> run = sessions.submit(() -> withHostClassLoader(() -> run(module, petition, fired)));
        try {
            return run.get(timeLimitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            module.counters().runaways.incrementAndGet();
            module.counters().suspended.set(true);
            LOG.error("Rule module {} {} took more than {} ms for {} and is suspended until a new version arrives;"
                    + " rules fired so far: {}", module.id(), module.version(), timeLimitMillis, petition, fired);
            return ModuleVerdict.brokenOff(module, List.copyOf(fired), "took more than " + timeLimitMillis + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            LOG.error("Rule module {} {} failed for {}; its decision is ignored", module.id(), module.version(),
                    petition, cause);
            return ModuleVerdict.brokenOff(module, List.copyOf(fired), "failed: " + cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.cancel(true);
            return ModuleVerdict.brokenOff(module, List.copyOf(fired), "interrupted");
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
                    fired.add(event.getMatch().getRule().getName());
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
            int firings = session.fireAllRules(fireLimit);
            if (firings >= fireLimit) {
                module.counters().runaways.incrementAndGet();
                LOG.warn("Rule module {} {} reached the fire limit of {} for {}; its decision is ignored",
                        module.id(), module.version(), fireLimit, petition);
                return ModuleVerdict.brokenOff(module, List.copyOf(fired), "reached the fire limit of " + fireLimit);
            }
        } finally {
            session.dispose();
        }
        if (routings.size() > 1) {
            LOG.warn("Rule module {} {} emitted {} routings for {}; the first one is taken",
                    module.id(), module.version(), routings.size(), petition);
        }
        return new ModuleVerdict(module, routings.stream().findFirst(), confidentiality, escalations,
                List.copyOf(fired), Optional.empty());
    }

    @Override
    public void close() {
        sessions.shutdownNow();
    }
}

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
 * Runs compiled modules against a petition, each in a session of its own, within two limits per
 * module: a number of rule firings (a rule that keeps re-activating itself) and a time (a rule
 * whose condition or action never returns). The layers of one decision run one after the other on
 * one worker thread, so that a decision costs one hand-over however many layers it has; the
 * caller watches the module in progress. A module that outlives the time limit is suspended,
 * since the thread it holds cannot be taken back; the layers after it run on a fresh worker.
 */
public final class RuleEvaluator implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(RuleEvaluator.class);

    // Changed while the platform runs (etc/org.reception.rules.cfg); an evaluation reads each once.
    private volatile int fireLimit;
    private volatile long timeLimitNanos;
    private final ExecutorService workers;

    /**
     * @param fireLimit how many rule firings one module may take for one petition
     * @param timeLimitMillis how long one module may take for one petition
     */
    public RuleEvaluator(int fireLimit, long timeLimitMillis) {
        this.fireLimit = fireLimit;
        this.timeLimitNanos = TimeUnit.MILLISECONDS.toNanos(timeLimitMillis);
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work, "reception-rules-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
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
        List<ModuleVerdict> verdicts = new ArrayList<>(modules.size());
        int next = 0;
        while (next < modules.size()) {
            Layers run = new Layers(modules.subList(next, modules.size()), petition);
            Future<?> running = workers.submit(run);
            int overran = await(run, running);
            if (overran < 0) {
                verdicts.addAll(run.verdicts);
                break;
            }
            running.cancel(true);
            CompiledRuleModule module = run.modules.get(overran);
            synchronized (run.verdicts) {
                run.abandoned = true;
                verdicts.addAll(run.verdicts.subList(0, overran));
            }
            module.counters().runaways.incrementAndGet();
            module.counters().suspended.set(true);
            LOG.error("Rule module {} {} took more than {} ms for {} and is suspended until a new version arrives;"
                    + " rules fired so far: {}", module.id(), module.version(),
                    TimeUnit.NANOSECONDS.toMillis(timeLimitNanos), petition, run.firedInCurrent());
            verdicts.add(ModuleVerdict.brokenOff(module, run.firedInCurrent(),
                    "took more than " + TimeUnit.NANOSECONDS.toMillis(timeLimitNanos) + " ms"));
            next += overran + 1;
        }
        return verdicts;
    }

    /** @return -1 when every module is done, else the index of the module that overran */
    private int await(Layers run, Future<?> running) {
        while (true) {
            int current = run.current;
            long left = timeLimitNanos - (System.nanoTime() - run.currentStarted);
            try {
                running.get(Math.max(left, 0), TimeUnit.NANOSECONDS);
                return -1;
            } catch (TimeoutException e) {
                if (run.current == current && System.nanoTime() - run.currentStarted >= timeLimitNanos) {
                    return current;
                }
            } catch (ExecutionException e) {
                // Only a failure of the host itself gets here; a module's failure is its verdict.
                throw new IllegalStateException("rule evaluation failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.cancel(true);
                throw new IllegalStateException("interrupted while the rules decided", e);
            }
        }
    }

    /** The layers of one decision, run in order on one worker. */
    private final class Layers implements Runnable {
        final List<CompiledRuleModule> modules;
        final PetitionFact petition;
        final List<ModuleVerdict> verdicts;
        volatile int current;
        volatile long currentStarted = System.nanoTime();
        volatile List<String> fired = List.of();
        /** Guarded by {@link #verdicts}: set when the caller gave up on this run. */
        boolean abandoned;

        Layers(List<CompiledRuleModule> modules, PetitionFact petition) {
            this.modules = List.copyOf(modules);
            this.petition = petition;
            this.verdicts = new ArrayList<>(modules.size());
        }

        @Override
        public void run() {
            withHostClassLoader(() -> {
                for (int i = 0; i < modules.size(); i++) {
                    List<String> firedHere = Collections.synchronizedList(new ArrayList<>());
                    fired = firedHere;
                    currentStarted = System.nanoTime();
                    current = i;
                    CompiledRuleModule module = modules.get(i);
                    ModuleVerdict verdict = evaluateHere(module, petition, firedHere);
                    synchronized (verdicts) {
                        if (abandoned) {
                            if (verdict.problem().isEmpty() && module.counters().suspended.compareAndSet(true, false)) {
                                // It was slow, not stuck (a long pause): its thread is back, let it decide again.
                                LOG.warn("Rule module {} {} finished after the time limit and decides again",
                                        module.id(), module.version());
                            }
                            return null;
                        }
                        verdicts.add(verdict);
                    }
                }
                return null;
            });
        }

        List<String> firedInCurrent() {
            return List.copyOf(fired);
        }
    }

    private ModuleVerdict evaluateHere(CompiledRuleModule module, PetitionFact petition, List<String> fired) {
        module.counters().evaluations.incrementAndGet();
        try {
            return run(module, petition, fired);
        } catch (RuntimeException e) {
            if (Thread.interrupted() || interruption(e)) {
                // The caller gave up on this module at the time limit and has reported it already.
                LOG.debug("Rule module {} {} stopped after the time limit", module.id(), module.version(), e);
                return ModuleVerdict.brokenOff(module, List.copyOf(fired), "stopped after the time limit");
            }
            LOG.error("Rule module {} {} failed for {}; its decision is ignored", module.id(), module.version(),
                    petition, e);
            return ModuleVerdict.brokenOff(module, List.copyOf(fired), "failed: " + e);
        }
    }

    private static boolean interruption(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedException) {
                return true;
            }
        }
        return false;
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
        return new ModuleVerdict(module, routings.stream().findFirst(), confidentiality, escalations,
                List.copyOf(fired), Optional.empty());
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}

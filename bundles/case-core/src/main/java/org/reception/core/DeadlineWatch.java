package org.reception.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.reception.cases.CaseEvent;
import org.reception.cases.EscalationDecision;
import org.reception.cases.Petition;
import org.reception.cases.PlatformTime;
import org.reception.cases.RuleDecisions;
import org.reception.cases.spi.RuleEngine;
import org.reception.cases.spi.PetitionRepository;

/**
 * Finds pending legal time limits that are near or passed and raises their events, once each, then
 * puts every overdue case to its jurisdiction's rules, which may escalate it. The state lives in
 * the database, so a restart neither loses nor repeats an event or an assessment. It also forgets
 * idempotency keys older than a day.
 */
@Component(immediate = true, configurationPid = DeadlineConfig.PID)
@Designate(ocd = DeadlineConfig.class)
public final class DeadlineWatch {

    private static final Logger LOG = LogManager.getLogger(DeadlineWatch.class);

    private static final int ASSESSMENTS_PER_SCAN = 200;
    /** How long a client may retry a registration with the same idempotency key. */
    static final java.time.Duration IDEMPOTENCY_KEYS_KEPT = java.time.Duration.ofHours(24);

    private final PetitionRepository repository;
    /** Without a rules host, overdue events wait, unassessed, for one to arrive. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RuleEngine rules;
    private final PlatformTime clock;
    private volatile int dueSoonDays;
    private final ScheduledExecutorService scanner;
    private ScheduledFuture<?> scanning;

    @Activate
    public DeadlineWatch(@Reference PetitionRepository repository, @Reference PlatformTime clock,
                         DeadlineConfig config) {
        this.repository = repository;
        this.clock = clock;
        this.scanner = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "reception-deadline-watch");
            thread.setDaemon(true);
            return thread;
        });
        modified(config);
    }

    /** A new configuration (etc/org.reception.deadlines.cfg) applies from the next scan, at once. */
    @Modified
    synchronized void modified(DeadlineConfig config) {
        dueSoonDays = config.dueSoonDays();
        if (scanning != null) {
            scanning.cancel(false);
        }
        scanning = scanner.scheduleWithFixedDelay(this::scan, 0, config.scanSeconds(), TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        scanner.shutdownNow();
    }

    void scan() {
        try {
            LocalDate today = clock.today();
            int raised = repository.raiseDeadlineEvents(today, today.plusDays(dueSoonDays), clock.now());
            if (raised > 0) {
                LOG.info("Raised {} deadline event(s) for {}", raised, today);
            }
            assessOverdue(today);
        } catch (RuntimeException e) {
            // The next scan retries; an exception must not end the schedule.
            LOG.warn("Deadline scan failed: {}", e.getMessage(), e);
        }
        try {
            repository.forgetIdempotencyKeys(clock.now().minus(IDEMPOTENCY_KEYS_KEPT));
        } catch (RuntimeException e) {
            LOG.warn("Forgetting old idempotency keys failed: {}", e.getMessage(), e);
        }
    }

    private void assessOverdue(LocalDate today) {
        RuleEngine engine = rules;
        if (engine == null) {
            return;
        }
        for (CaseEvent event : repository.unassessedOverdueEvents(ASSESSMENTS_PER_SCAN)) {
            try {
                assess(event, engine, today);
            } catch (RuntimeException e) {
                // This event waits for the next scan; the others go on.
                LOG.warn("Overdue event {} of {} could not be put to the rules: {}", event.id(),
                        event.registrationNumber(), e.getMessage());
            }
        }
    }

    private void assess(CaseEvent event, RuleEngine engine, LocalDate today) {
        Petition petition = repository.findById(event.petitionId()).orElseThrow();
        Instant now = clock.now();
        // The earlier petitions on its matter were linked to it when it was registered.
        int earlier = petition.linkedPetitions().size();
        RuleDecisions decisions = engine.decide(PetitionFacts.of(petition, now, today, earlier), now);
        List<EscalationDecision> added = decisions.escalations().stream()
                .filter(escalation -> petition.escalations().stream().noneMatch(escalation::sameReport))
                .toList();
        repository.recordAssessment(event, added, "rules", now);
        if (!added.isEmpty()) {
            LOG.info("Petition {} overdue ({}): escalated {}", event.registrationNumber(), event.deadline(),
                    added.stream().map(e -> e.trigger() + " to " + e.level()).toList());
        }
    }
}

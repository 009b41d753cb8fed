package org.reception.core;

import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.reception.cases.PlatformTime;
import org.reception.cases.spi.PetitionRepository;

/**
 * Finds pending legal time limits that are near or passed and raises their events, once each. The
 * state lives in the database, so a restart neither loses nor repeats an event.
 */
@Component(immediate = true, configurationPid = DeadlineConfig.PID)
@Designate(ocd = DeadlineConfig.class)
public final class DeadlineWatch {

    private static final Logger LOG = LogManager.getLogger(DeadlineWatch.class);

    private final PetitionRepository repository;
    private final PlatformTime clock;
    private final int dueSoonDays;
    private final ScheduledExecutorService scanner;

    @Activate
    public DeadlineWatch(@Reference PetitionRepository repository, @Reference PlatformTime clock,
                         DeadlineConfig config) {
        this.repository = repository;
        this.clock = clock;
        this.dueSoonDays = config.dueSoonDays();
        this.scanner = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "reception-deadline-watch");
            thread.setDaemon(true);
            return thread;
        });
        scanner.scheduleWithFixedDelay(this::scan, 0, config.scanSeconds(), TimeUnit.SECONDS);
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
        } catch (RuntimeException e) {
            // The next scan retries; an exception must not end the schedule.
            LOG.warn("Deadline scan failed: {}", e.getMessage(), e);
        }
    }
}

package org.reception.core;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.reception.cases.OutboxAdministration;
import org.reception.cases.OutboxMessage;
import org.reception.cases.Petition;
import org.reception.cases.PlatformTime;
import org.reception.cases.access.Caller;
import org.reception.cases.access.Grant;
import org.reception.cases.access.Role;
import org.reception.cases.spi.DeliveryRefused;
import org.reception.cases.spi.OutboundAdapter;
import org.reception.cases.spi.PetitionRepository;

/**
 * Delivers the outbox: every due message goes to the adapter of its destination; a success marks
 * it delivered, a failure schedules the next attempt after an exponential backoff, a refusal by the
 * county system ({@link DeliveryRefused}) too until it was refused {@code maxRefusals} times, when
 * it is parked as refused for an operator to retry; after a failure or a refusal the destination is
 * left alone for the rest of that round, so that one county's system that is down
 * does not hold up the others. The state lives in the database, so deliveries survive restarts.
 * Deliveries are not ordered: each carries the whole case as it stands.
 */
@Component(service = OutboxAdministration.class, immediate = true, configurationPid = OutboxConfig.PID)
@Designate(ocd = OutboxConfig.class)
public final class OutboxDispatcher implements OutboxAdministration {

    private static final Logger LOG = LogManager.getLogger(OutboxDispatcher.class);

    private final PetitionRepository repository;
    private final PlatformTime clock;
    // Changed while the platform runs (etc/org.reception.outbox.cfg); a poll reads each once.
    private volatile int batchSize;
    private volatile int maxBackoffSeconds;
    private volatile int maxRefusals;
    private final Map<String, List<OutboundAdapter>> adapters = new ConcurrentHashMap<>();
    /**
     * Every destination an adapter was registered for since the platform started: a county whose
     * plugin or configuration is being replaced keeps receiving its cases (they wait meanwhile).
     */
    private final Set<String> destinations = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService poller;
    private ScheduledFuture<?> polling;

    @Activate
    public OutboxDispatcher(@Reference PetitionRepository repository, @Reference PlatformTime clock,
                            OutboxConfig config) {
        this.repository = repository;
        this.clock = clock;
        this.poller = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "reception-outbox");
            thread.setDaemon(true);
            return thread;
        });
        modified(config);
    }

    /** A new configuration applies from the next poll on; deliveries under way finish as they began. */
    @Modified
    synchronized void modified(OutboxConfig config) {
        batchSize = config.batchSize();
        maxBackoffSeconds = config.maxBackoffSeconds();
        maxRefusals = config.maxRefusals();
        if (polling != null) {
            polling.cancel(false);
        }
        polling = poller.scheduleWithFixedDelay(this::deliverDue, config.pollMillis(), config.pollMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        poller.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, updated = "updatedAdapter")
    void bindAdapter(OutboundAdapter adapter, Map<String, Object> properties) {
        String destination = destination(properties);
        destinations.add(destination);
        adapters.compute(destination, (d, list) -> {
            List<OutboundAdapter> bound = list == null ? new CopyOnWriteArrayList<>() : list;
            bound.add(0, adapter);
            return bound;
        });
    }

    /** A county's file changed while its adapter stays registered: it delivers for the destination it now names. */
    void updatedAdapter(OutboundAdapter adapter, Map<String, Object> properties) {
        adapters.values().forEach(list -> list.remove(adapter));
        adapters.values().removeIf(List::isEmpty);
        bindAdapter(adapter, properties);
    }

    void unbindAdapter(OutboundAdapter adapter, Map<String, Object> properties) {
        adapters.computeIfPresent(destination(properties), (destination, list) -> {
            list.remove(adapter);
            return list.isEmpty() ? null : list;
        });
    }

    private static String destination(Map<String, Object> properties) {
        return String.valueOf(properties.get(OutboundAdapter.DESTINATION));
    }

    void deliverDue() {
        try {
            Set<String> failing = new HashSet<>();
            for (OutboxMessage message : repository.dueDeliveries(clock.now(), batchSize)) {
                if (!failing.contains(message.destination()) && !deliver(message)) {
                    failing.add(message.destination());
                }
            }
        } catch (RuntimeException e) {
            // The next poll tries again; an exception must not end the schedule.
            LOG.warn("Outbox poll failed: {}", e.getMessage(), e);
        }
    }

    /** @return whether it was delivered */
    private boolean deliver(OutboxMessage message) {
        List<OutboundAdapter> candidates = adapters.get(message.destination());
        if (candidates == null || candidates.isEmpty()) {
            failed(message, "no county system is registered for " + message.destination() + " now");
            return false;
        }
        // The county system gets the case as its integration account would read it.
        Caller countySystem = new Caller("county-system-" + message.destination(),
                Set.of(new Grant(Role.INTEGRATION, message.destination())));
        Optional<Petition> petition = repository.findById(message.petitionId())
                .map(found -> CaseAccess.view(countySystem, found, false));
        try {
            candidates.get(0).deliver(message, petition.orElseThrow());
            repository.markDelivered(message.id(), clock.now());
            LOG.info("Delivered {} of {} to {} (attempt {})", message.kind(), message.registrationNumber(),
                    message.destination(), message.attempts() + 1);
            return true;
        } catch (DeliveryRefused e) {
            refused(message, LastError.of(e));
            return false;
        } catch (Exception e) {
            failed(message, LastError.of(e));
            return false;
        }
    }

    private void refused(OutboxMessage message, String reason) {
        long backoff = backoffSeconds(message);
        if (repository.markRefused(message.id(), reason, clock.now().plus(Duration.ofSeconds(backoff)), maxRefusals)) {
            LOG.error("{} of {} to {} refused by the county system (attempt {}): {}; parked as REFUSED,"
                            + " retry it with reception:outbox --retry {} or POST /api/v1/outbox/{}/retry", message.kind(),
                    message.registrationNumber(), message.destination(), message.attempts() + 1, reason, message.id(),
                    message.id());
        } else {
            LOG.warn("{} of {} to {} refused by the county system (attempt {}): {}; next attempt in {} s",
                    message.kind(), message.registrationNumber(), message.destination(), message.attempts() + 1, reason,
                    backoff);
        }
    }

    private long backoffSeconds(OutboxMessage message) {
        return Math.min(maxBackoffSeconds, 1L << Math.min(20, message.attempts() + 1));
    }

    private void failed(OutboxMessage message, String error) {
        long backoff = backoffSeconds(message);
        Instant next = clock.now().plus(Duration.ofSeconds(backoff));
        repository.markAttemptFailed(message.id(), error, next);
        LOG.warn("Delivery of {} to {} failed (attempt {}): {}; next attempt in {} s", message.registrationNumber(),
                message.destination(), message.attempts() + 1, error, backoff);
    }

    @Override
    public List<OutboxMessage> messages(boolean undeliveredOnly, int limit) {
        return repository.outbox(undeliveredOnly, limit);
    }

    @Override
    public boolean retryNow(long messageId) {
        return repository.retryNow(messageId, clock.now());
    }

    @Override
    public boolean delivers(String destination) {
        return destinations.contains(destination);
    }

    @Override
    public List<String> destinations() {
        return adapters.keySet().stream().sorted().toList();
    }
}

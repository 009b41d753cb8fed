package org.reception.store;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.reception.cases.ServiceUnavailable;
import org.reception.cases.spi.ListScope;
import org.reception.cases.statistics.Dimension;
import org.reception.cases.statistics.Figures;
import org.reception.cases.statistics.Period;
import org.reception.cases.statistics.RollupCheck;

/**
 * The statistics of the store: from the rollup ({@link StatisticsRollup}) for every reader whose
 * scope is whole places (the reception centers, auditors, administrators), after counting what
 * changed since the last batch; from the raw cases for the others (a unit's own cases, a case kept
 * from a unit), and whenever the rollup is far behind. A job counts the changes every second.
 */
final class RollupStatistics {

    private static final Logger LOG = LogManager.getLogger(RollupStatistics.class);

    /** How often the job counts what changed. */
    static final long INTERVAL_MILLIS = 1000;

    /**
     * While changes keep coming, the job rests this many times as long as its last batch took: it
     * takes at most a twentieth of a core from the registrations, enough for some 200 cases a second
     * (a batch costs about 0.25 ms a case), far above a province's busiest hour.
     */
    static final long PAUSE_PER_BATCH_TIME = 19;

    /** At most this many batches are counted before an answer; beyond, it is counted from the cases. */
    static final int BATCHES_BEFORE_AN_ANSWER = 10;

    /** How long a node's claim of the recount lasts without being renewed. */
    static final long RECOUNT_LEASE_SECONDS = 600;

    /** Cases counted per transaction of a recount. */
    static final int RECOUNT_CHUNK = 1000;

    private final Transactions transactions;
    private final Dialect dialect;
    /** One batch at a time in this node; the state row orders those of several nodes. */
    private final Object turn = new Object();
    /** The newest note when the job's last full batch ended; only the job's thread reads and writes it. */
    private long newestNote = -1;
    /** The recount under way or last done, which a check waits for. */
    private volatile java.util.concurrent.Future<?> recounting = java.util.concurrent.CompletableFuture.completedFuture(null);
    private final ScheduledExecutorService job = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "reception-statistics-rollup");
        thread.setDaemon(true);
        return thread;
    });

    RollupStatistics(Transactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
    }

    void start() {
        if (!read(StatisticsRollup::complete)) {
            // The cases stored before the rollup (or a recount a stop cut short): counted anew, once.
            recounting = job.submit(this::recountEveryCase);
        }
        next(TimeUnit.MILLISECONDS.toNanos(INTERVAL_MILLIS));
    }

    private void next(long delayNanos) {
        try {
            job.schedule(this::countChanges, delayNanos, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // stop() came first: nothing more to count here
        }
    }

    /** Stops the job, and waits for a batch or a recount under way to end its transaction. */
    void stop() {
        job.shutdownNow();
        try {
            if (!job.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("The statistics' rollup job did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Counts one batch. The next comes after the interval when none is left; while the registrations
     * keep coming (a note newer than any seen at the last batch), after a pause
     * {@link #PAUSE_PER_BATCH_TIME} times as long as the batch took; when they have stopped, at once.
     * A surge of registrations thus keeps the machine but for a twentieth of a core, and is counted
     * up as soon as it ebbs; an answer meanwhile counts what waits itself, or counts the cases when
     * too much waits.
     */
    private void countChanges() {
        long started = System.nanoTime();
        boolean more = false;
        boolean arriving = true;
        try {
            more = countOneBatch() == StatisticsRollup.BATCH;
            if (more) { // whether notes keep coming matters only while some wait
                long newest = read(StatisticsRollup::newestNote);
                arriving = newest > newestNote;
                newestNote = newest;
            }
        } catch (RuntimeException e) {
            LOG.warn("The statistics' rollup could not count the latest changes; the next run tries again: {}",
                    e.getMessage());
        }
        next(pauseNanos(more, arriving, System.nanoTime() - started));
    }

    /** How long the job rests after a batch that took {@code batchNanos}: see {@link #countChanges}. */
    static long pauseNanos(boolean more, boolean arriving, long batchNanos) {
        if (!more) {
            return TimeUnit.MILLISECONDS.toNanos(INTERVAL_MILLIS);
        }
        return arriving ? batchNanos * PAUSE_PER_BATCH_TIME : 0;
    }

    /**
     * Counts batches of noted changes until none is left or {@code maxBatches} were counted.
     *
     * @return whether none is left
     */
    boolean countPending(int maxBatches) {
        for (int batch = 0; batch < maxBatches; batch++) {
            if (countOneBatch() < StatisticsRollup.BATCH) {
                return true;
            }
        }
        return false;
    }

    private int countOneBatch() {
        synchronized (turn) {
            return inTransaction(StatisticsRollup::countBatch);
        }
    }

    Map<String, Figures> figures(String prefix, Period period, Dimension by, ListScope scope, LocalDate today,
                                 LocalDate dueSoonUntil) {
        if (scope.empty()) {
            return Map.of();
        }
        Optional<Set<String>> places = wholePlaces(scope, prefix);
        return transactions.read(connection -> {
            if (places.isPresent() && StatisticsRollup.complete(connection) && countPending(BATCHES_BEFORE_AN_ANSWER)) {
                Map<String, Figures> rows = new TreeMap<>(StatisticsRollup.figures(connection, places.get(),
                        period.from(), period.to(), by, prefix));
                StatisticsRollup.live(connection, places.get(), period.from(), period.to(), by, prefix, today,
                        dueSoonUntil).forEach((key, live) -> rows.merge(key, live, Figures::plus));
                return rows;
            }
            return PetitionCounts.figures(connection, prefix, period.start(), period.end(), by, scope, today,
                    dueSoonUntil);
        }, "the statistics could not be read");
    }

    /**
     * The places of the jurisdiction a scope reads every case of, when that is all it reads: the
     * jurisdiction itself, or the places of the scope within it; none when the scope also reads
     * by unit or keeps cases from a unit (the rollup does not know whom a case is kept from).
     */
    static Optional<Set<String>> wholePlaces(ListScope scope, String prefix) {
        if (!scope.units().isEmpty() || !scope.handlingPrefixes().isEmpty() || !scope.hiddenTerms().isEmpty()) {
            return Optional.empty();
        }
        Set<String> places = new LinkedHashSet<>();
        for (String place : scope.jurisdictionPrefixes()) {
            if (prefix.startsWith(place)) {
                return Optional.of(Set.of(prefix));
            }
            if (place.startsWith(prefix)) {
                places.add(place);
            }
        }
        // A place within another of the scope is counted with it.
        places.removeIf(place -> places.stream().anyMatch(other -> !other.equals(place) && place.startsWith(other)));
        return Optional.of(places);
    }

    /**
     * The rollup against every case counted anew, after a recount under way and the changes noted
     * so far. Not under the batches' turn (it reads every case): a case changed while it reads may
     * show as a difference, so check when the platform is quiet.
     */
    RollupCheck check() {
        try {
            recounting.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable("the statistics' rollup could not be checked", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new ServiceUnavailable("the statistics' rollup could not be recounted", e);
        }
        long pending = read(StatisticsRollup::pending);
        countPending(Integer.MAX_VALUE);
        return read(connection -> new RollupCheck(StatisticsRollup.countedCases(connection), pending,
                StatisticsRollup.cells(connection), StatisticsRollup.differences(connection, 20)));
    }

    /**
     * Counts every case anew, on the job's thread after what it is doing; answers come from the cases
     * from its start until it is done.
     */
    void recount() {
        recounting = job.submit(this::recountEveryCase);
    }

    /**
     * On the job's thread: every case counted, a chunk per transaction, then the cells added up. One
     * node of a cluster at a time: it claims the recount first and renews the claim with each chunk;
     * a claim not renewed for {@value #RECOUNT_LEASE_SECONDS} s (its node stopped) is taken over.
     * Batches wait meanwhile: they find the rollup incomplete and leave the notes for after it.
     */
    private void recountEveryCase() {
        try {
            long started = System.nanoTime();
            // A lease is the machines' own time, not the platform's (which tests move by days).
            if (!inTransaction(connection -> StatisticsRollup.claimRecount(connection, epochSeconds(),
                    epochSeconds() + RECOUNT_LEASE_SECONDS))) {
                LOG.info("Another node counts every case anew; the figures are counted from the cases until it is done");
                return;
            }
            inTransaction(connection -> {
                StatisticsRollup.startRecount(connection);
                return null;
            });
            String after = "";
            while (after != null && !Thread.currentThread().isInterrupted()) {
                String from = after;
                after = inTransaction(connection -> {
                    StatisticsRollup.renewRecount(connection, epochSeconds() + RECOUNT_LEASE_SECONDS);
                    return StatisticsRollup.recountCases(connection, from, RECOUNT_CHUNK);
                });
            }
            if (after != null) {
                return; // stopped: the next start counts anew
            }
            inTransaction(connection -> {
                StatisticsRollup.finishRecount(connection);
                return null;
            });
            LOG.info("The statistics' rollup counted every case anew in {} s", (System.nanoTime() - started) / 1_000_000_000);
        } catch (RuntimeException e) {
            LOG.error("The statistics' rollup could not count every case anew; the figures are counted from the cases"
                    + " until it is recounted (reception:stats-rollup --recount) or the platform restarts", e);
        }
    }

    private static long epochSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    private <T> T read(Transactions.OnConnection<T> reading) {
        return transactions.read(reading, "the statistics' rollup could not be read");
    }

    private <T> T inTransaction(Transactions.OnConnection<T> writing) {
        return transactions.write(writing, dialect::isTransient, "the statistics' rollup could not be written");
    }
}

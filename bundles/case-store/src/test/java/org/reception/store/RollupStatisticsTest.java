package org.reception.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The pace of the statistics' job: it yields to registrations, and catches up once they stop. */
class RollupStatisticsTest {

    private static final long BATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

    @Test
    void nothingLeftWaitsForTheInterval() {
        assertEquals(TimeUnit.MILLISECONDS.toNanos(RollupStatistics.INTERVAL_MILLIS),
                RollupStatistics.pauseNanos(false, true, BATCH_NANOS));
        assertEquals(TimeUnit.MILLISECONDS.toNanos(RollupStatistics.INTERVAL_MILLIS),
                RollupStatistics.pauseNanos(false, false, BATCH_NANOS));
    }

    @Test
    void whileRegistrationsKeepComingTheJobTakesAtMostATwentiethOfACore() {
        long pause = RollupStatistics.pauseNanos(true, true, BATCH_NANOS);
        assertEquals(0.05, (double) BATCH_NANOS / (BATCH_NANOS + pause), 1e-9);
    }

    @Test
    void onceTheyStopTheBacklogIsCountedAtOnce() {
        assertEquals(0, RollupStatistics.pauseNanos(true, false, BATCH_NANOS));
    }
}

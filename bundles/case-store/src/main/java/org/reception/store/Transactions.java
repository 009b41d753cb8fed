package org.reception.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.reception.cases.ServiceUnavailable;

/**
 * The store's way to its database: a read on a connection of its own, a write in one transaction
 * of its own, each run again when the database failed it for a passing reason (a deadlock, a lock
 * timeout, a serialization failure, a plan replaced while it ran: {@link Dialect#isTransient}). A
 * failure ends as {@link ServiceUnavailable}: the client is told to try again, the operator is told
 * why.
 */
final class Transactions {

    private static final Logger LOG = LogManager.getLogger(Transactions.class);

    /** A read or a write is tried this many times in all. */
    static final int MAX_ATTEMPTS = 5;

    @FunctionalInterface
    interface OnConnection<T> {
        T apply(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final Predicate<SQLException> passing;

    /** @param passing whether a failure was of the moment, so that the same work run again may succeed */
    Transactions(DataSource dataSource, Predicate<SQLException> passing) {
        this.dataSource = dataSource;
        this.passing = passing;
    }

    /** Runs a read; again, up to {@value #MAX_ATTEMPTS} times in all, while its failure is a passing one. */
    <T> T read(OnConnection<T> reading, String failure) {
        return attempt(reading, passing, failure);
    }

    /** Runs a write; again, up to {@value #MAX_ATTEMPTS} times in all, while {@code again} accepts its failure. */
    <T> T write(OnConnection<T> writing, Predicate<SQLException> again, String failure) {
        return attempt(connection -> Jdbc.inTransaction(connection, () -> writing.apply(connection)), again, failure);
    }

    /** Runs the work on a new connection each time, until it succeeds or {@code again} refuses its failure. */
    private <T> T attempt(OnConnection<T> work, Predicate<SQLException> again, String failure) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                return work.apply(connection);
            } catch (SQLException e) {
                if (again.test(e) && attempt < MAX_ATTEMPTS) {
                    LOG.debug("Run again after a passing failure ({}), attempt {}", e.getSQLState(), attempt);
                    pauseBefore(attempt + 1);
                    continue;
                }
                throw failed(failure, e);
            }
        }
    }

    /**
     * A moment before the next attempt, longer each time and never the same for two writers: what
     * failed it is another transaction that holds a lock until it commits (Derby's identity numbers
     * are such a lock), and an attempt at once would meet it again. At most 300 ms in all.
     */
    private static void pauseBefore(int attempt) {
        long millis = ThreadLocalRandom.current().nextLong(1, 5L << attempt);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    static ServiceUnavailable failed(String failure, SQLException e) {
        LOG.warn("{} (SQLState {}): {}", failure, e.getSQLState(), e.getMessage());
        return new ServiceUnavailable(failure, e);
    }
}

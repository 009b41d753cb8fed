package org.reception.store;

import java.sql.Connection;
import java.sql.SQLException;
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
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                return reading.apply(connection);
            } catch (SQLException e) {
                if (passing.test(e) && attempt < MAX_ATTEMPTS) {
                    LOG.debug("Read failed for a passing reason ({}), attempt {}", e.getSQLState(), attempt);
                    continue;
                }
                throw failed(failure, e);
            }
        }
    }

    /** Runs a write; again, up to {@value #MAX_ATTEMPTS} times in all, while {@code again} accepts its failure. */
    <T> T write(OnConnection<T> writing, Predicate<SQLException> again, String failure) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                return Jdbc.inTransaction(connection, () -> writing.apply(connection));
            } catch (SQLException e) {
                if (again.test(e) && attempt < MAX_ATTEMPTS) {
                    LOG.debug("Write contended ({}), attempt {}", e.getSQLState(), attempt);
                    continue;
                }
                throw failed(failure, e);
            }
        }
    }

    static ServiceUnavailable failed(String failure, SQLException e) {
        LOG.warn("{} (SQLState {}): {}", failure, e.getSQLState(), e.getMessage());
        return new ServiceUnavailable(failure, e);
    }
}

package org.reception.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reception.cases.ServiceUnavailable;

/**
 * Reads and writes are run again, on a new connection, when the database failed them for a
 * passing reason, and only then. The failures are thrown the way embedded Derby 10.14 throws them
 * when a shared statement's plan is replaced while it runs (see {@code benchmarks/plan-race-check.sh}
 * for the race itself, which no test can bring about on demand).
 */
class TransactionsTest {

    @TempDir
    static Path folder;

    private static DataSource database;

    @BeforeAll
    static void createDatabase() throws SQLException {
        database = TestDatabase.fresh(folder);
        try (Connection connection = database.getConnection(); Statement create = connection.createStatement()) {
            create.execute("CREATE TABLE tally (n INT)");
        }
    }

    /** As embedded Derby reports it: XJ001, the engine's StandardException, the ClassCastException. */
    static SQLException planReplaced() {
        return new SQLException("Java exception: 'class org.apache.derby.iapi.sql.execute.ExecRowBuilder cannot be cast"
                + " to class org.apache.derby.iapi.store.access.StaticCompiledOpenConglomInfo'.", "XJ001",
                new RuntimeException("the engine's own exception", new ClassCastException("ExecRowBuilder")));
    }

    @Test
    void derbyPlanReplacedWhileRunningIsPassingAndOtherJavaExceptionsAreNot() {
        // As the check has seen the race: a part of another type, or past the end of the new plan's.
        assertTrue(Dialect.DERBY.isTransient(planReplaced()));
        // Through the network client only the message crosses.
        assertTrue(Dialect.DERBY.isTransient(new SQLException(
                "Java exception: 'class A cannot be cast to class B: java.lang.ClassCastException'.", "XJ001")));
        // Once the JIT has thrown it often, the exception comes without a message of its own.
        assertTrue(Dialect.DERBY.isTransient(new SQLException("Java exception: ': java.lang.ClassCastException'.",
                "XJ001")));
        assertTrue(Dialect.DERBY.isTransient(new SQLException("Java exception: 'Index 9 out of bounds for length 9:"
                + " java.lang.ArrayIndexOutOfBoundsException'.", "XJ001", new ArrayIndexOutOfBoundsException(9))));
        assertTrue(Dialect.DERBY.isTransient(new SQLException(
                "Java exception: ': java.lang.ArrayIndexOutOfBoundsException'.", "XJ001")));
        assertFalse(Dialect.DERBY.isTransient(new SQLException("Java exception: ': java.lang.NullPointerException'.",
                "XJ001", new NullPointerException())));
        assertFalse(Dialect.DERBY.isTransient(new SQLException("cannot be cast to", "42X01")));
        assertFalse(Dialect.POSTGRESQL.isTransient(planReplaced()));
        assertTrue(Dialect.DERBY.isTransient(new SQLException("deadlock", "40001")));
        // Derby's word for contention on an identity column's numbers, as for a lock timeout.
        assertTrue(Dialect.DERBY.isTransient(new SQLException("A lock could not be obtained within the time requested",
                "40XL1")));
        assertFalse(Dialect.DERBY.isTransient(new SQLException("lost at shutdown", (String) null)));
    }

    @Test
    void aReadFailedForAPassingReasonIsReadAgain() {
        AtomicInteger attempts = new AtomicInteger();
        Transactions transactions = new Transactions(database, Dialect.DERBY::isTransient);
        String answer = transactions.read(connection -> {
            if (attempts.incrementAndGet() < Transactions.MAX_ATTEMPTS) {
                throw planReplaced();
            }
            return connection.getMetaData().getDatabaseProductName();
        }, "could not be read");
        assertFalse(answer.isEmpty());
        assertEquals(Transactions.MAX_ATTEMPTS, attempts.get());
    }

    @Test
    void aReadFailingForAPassingReasonEveryTimeEndsAsServiceUnavailable() {
        AtomicInteger attempts = new AtomicInteger();
        Transactions transactions = new Transactions(database, Dialect.DERBY::isTransient);
        ServiceUnavailable failure = assertThrows(ServiceUnavailable.class, () -> transactions.read(connection -> {
            attempts.incrementAndGet();
            throw planReplaced();
        }, "the petition could not be read"));
        assertEquals(Transactions.MAX_ATTEMPTS, attempts.get());
        assertTrue(failure.getMessage().contains("the petition could not be read"), failure.getMessage());
    }

    @Test
    void aReadFailedForAReasonOfTheDataIsNotReadAgain() {
        AtomicInteger attempts = new AtomicInteger();
        Transactions transactions = new Transactions(database, Dialect.DERBY::isTransient);
        assertThrows(ServiceUnavailable.class, () -> transactions.read(connection -> {
            attempts.incrementAndGet();
            return one(connection.createStatement(), "SELECT no_such_column FROM tally");
        }, "could not be read"));
        assertEquals(1, attempts.get());
    }

    @Test
    void aWriteRolledBackForAPassingReasonIsWrittenAgainAndCountsOnce() throws SQLException {
        AtomicInteger attempts = new AtomicInteger();
        Transactions transactions = new Transactions(database, Dialect.DERBY::isTransient);
        transactions.write(connection -> {
            try (Statement insert = connection.createStatement()) {
                insert.executeUpdate("INSERT INTO tally VALUES (1)");
            }
            if (attempts.incrementAndGet() == 1) {
                throw planReplaced();
            }
            return null;
        }, Dialect.DERBY::isTransient, "could not be written");
        assertEquals(2, attempts.get());
        int tallied = transactions.read(connection -> one(connection.createStatement(), "SELECT COUNT(*) FROM tally"),
                "could not be read");
        assertEquals(1, tallied);
    }

    /**
     * Derby hands out an identity column's numbers in blocks; two transactions that ask for a new
     * block at once (the first rows of a table, or after a restart) may meet, and one gets 40XL1 at
     * once. Plain JDBC fails so in about one round of five; through Transactions, no write fails.
     */
    @Test
    void writersMeetingAtAnIdentityColumnsNumbersAllKeepTheirRows() throws Exception {
        assumeFalse(TestDatabase.postgresql(), "Derby's identity columns");
        Transactions transactions = new Transactions(database, Dialect.DERBY::isTransient);
        AtomicInteger met = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 50; round++) {
                String table = "numbered" + round;
                try (Connection connection = database.getConnection(); Statement create = connection.createStatement()) {
                    create.execute("CREATE TABLE " + table + " (seq BIGINT GENERATED ALWAYS AS IDENTITY, n INT,"
                            + " PRIMARY KEY (seq))");
                }
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Object>> writes = new ArrayList<>();
                for (int writer = 0; writer < 2; writer++) {
                    writes.add(writers.submit(() -> transactions.write(connection -> {
                        try (Statement insert = connection.createStatement()) {
                            awaitQuietly(together);
                            insert.executeUpdate("INSERT INTO " + table + " (n) VALUES (1)");
                        }
                        return null;
                    }, e -> {
                        met.incrementAndGet();
                        return Dialect.DERBY.isTransient(e);
                    }, "the row could not be written")));
                }
                for (Future<Object> write : writes) {
                    write.get();
                }
                int rows = transactions.read(connection -> one(connection.createStatement(),
                        "SELECT COUNT(*) FROM " + table), "could not be read");
                assertEquals(2, rows, "both writers' rows, in round " + round);
            }
        } finally {
            writers.shutdownNow();
        }
        System.out.println("Writers met at an identity column's numbers " + met.get() + " time(s) in 50 rounds");
    }

    /** The second writer of a round, once run again, finds no partner: it goes on alone. */
    private static void awaitQuietly(CyclicBarrier together) {
        try {
            together.await(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (BrokenBarrierException | TimeoutException e) {
            // alone
        }
    }

    private static int one(Statement statement, String sql) throws SQLException {
        try (statement; ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }
}

package org.reception.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

    private static int one(Statement statement, String sql) throws SQLException {
        try (statement; ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }
}

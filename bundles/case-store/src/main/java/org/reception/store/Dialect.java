package org.reception.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import org.reception.cases.ServiceUnavailable;

/**
 * What differs between the databases the store runs on; everything else it writes is the SQL both
 * speak ({@code OFFSET … ROWS FETCH NEXT … ROWS ONLY} paging included). Known from the connection's
 * own metadata, never from configuration that could disagree with it.
 */
enum Dialect {

    /** Apache Derby, embedded (the default) or as a network server. */
    DERBY("Derby", "derby", "SCHEMA_HISTORY", "NEXT VALUE FOR audit_entry_order",
            // 40001: chosen as a deadlock's victim. 40XL1, 40XL2: a lock timeout, and also how Derby
            // reports concurrent writers met where it refills an identity column's block of numbers
            // (DERBY-5426); X0Y84 says the same of a sequence. Each rolls the transaction back.
            Set.of("40001", "40XL1", "40XL2", "X0Y84")),

    POSTGRESQL("PostgreSQL", "postgresql", "schema_history", "nextval('audit_entry_order')",
            // 40001: serialization failure. 40P01: chosen as a deadlock's victim.
            Set.of("40001", "40P01"));

    /** Where every database's migrations are, next to those of {@link #migrations()}. */
    static final String COMMON_MIGRATIONS = "classpath:org/reception/store/migration/common";

    /** Derby's state for a Java exception thrown inside the engine. */
    private static final String DERBY_JAVA_EXCEPTION = "XJ001";

    private final String product;
    private final String folder;
    private final String historyTable;
    private final String nextAuditOrder;
    private final Set<String> transientStates;

    Dialect(String product, String folder, String historyTable, String nextAuditOrder, Set<String> transientStates) {
        this.product = product;
        this.folder = folder;
        this.historyTable = historyTable;
        this.nextAuditOrder = nextAuditOrder;
        this.transientStates = transientStates;
    }

    static Dialect of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return of(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new ServiceUnavailable("the database could not be reached: " + e.getMessage(), e);
        }
    }

    /** @param productName as the driver names its database ({@code DatabaseMetaData#getDatabaseProductName}) */
    static Dialect of(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.contains("derby")) {
            return DERBY;
        }
        if (name.contains("postgresql")) {
            return POSTGRESQL;
        }
        throw new ServiceUnavailable("the store runs on Apache Derby or PostgreSQL, not on " + productName);
    }

    @Override
    public String toString() {
        return product;
    }

    /** The JDBC type of a null in a column of bytes ({@code BLOB} in Derby, {@code BYTEA} in PostgreSQL). */
    int binaryType() {
        return this == DERBY ? java.sql.Types.BLOB : java.sql.Types.BINARY;
    }

    /** The migrations written for this database alone. */
    String migrations() {
        return "classpath:org/reception/store/migration/" + folder;
    }

    /**
     * Flyway's record of the migrations applied, named as the database folds unquoted names (Derby
     * to upper case, PostgreSQL to lower), so that an operator's {@code SELECT * FROM schema_history}
     * finds it in either.
     */
    String historyTable() {
        return historyTable;
    }

    /** The SQL expression of the next number of the order audit entries were appended in. */
    String nextAuditOrder() {
        return nextAuditOrder;
    }

    /**
     * Rolled back for a reason of the moment (a deadlock, a conflict between concurrent writers, a
     * statement's plan replaced while it ran), not of the data: the same transaction run again may
     * succeed.
     */
    boolean isTransient(SQLException e) {
        // A connection lost at shutdown has no state; Set.of refuses to look for null.
        return e.getSQLState() != null && (transientStates.contains(e.getSQLState())
                || this == DERBY && planReplacedWhileRunning(e));
    }

    /**
     * Derby shares a compiled statement among connections. When one connection compiles it anew
     * (its table grew, or its statistics were refreshed) and the new plan differs, another connection
     * already running the old plan may read the new plan's parts: of another type, or past their end.
     * Derby reports the {@link ClassCastException} or {@link ArrayIndexOutOfBoundsException} as
     * {@code XJ001} (Derby 10.14; seen under concurrent registrations into a young database), ends
     * that session and rolls back its transaction; the next run uses the new plan.
     */
    static boolean planReplacedWhileRunning(SQLException e) {
        if (!DERBY_JAVA_EXCEPTION.equals(e.getSQLState())) {
            return false;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ClassCastException || cause instanceof ArrayIndexOutOfBoundsException) {
                return true;
            }
            // Through the network client only the message crosses. It names the exception's class,
            // even when the JIT dropped the exception's own message.
            String message = cause.getMessage();
            if (message != null && (message.contains(ClassCastException.class.getName())
                    || message.contains(ArrayIndexOutOfBoundsException.class.getName()))) {
                return true;
            }
        }
        return false;
    }
}

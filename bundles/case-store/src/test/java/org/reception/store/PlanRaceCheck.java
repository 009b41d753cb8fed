package org.reception.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * Brings about Derby's race between a shared statement compiled anew and a connection running its
 * old plan, and shows that the store's reads come through it. Each round, a young database with the
 * shape of the store's {@code deadline} table grows under one writer while readers look cases up by
 * petition: two on plain JDBC, two through {@link Transactions}, each twenty lookups on a
 * connection. The race shows as {@code XJ001} (a {@link ClassCastException} or an
 * {@link ArrayIndexOutOfBoundsException} inside Derby); the plain readers fail on it, the store's
 * read again. Every failure is printed with its causes, and every answer is checked: a lookup that
 * succeeds with rows other than the case's own would be the race's silent face. Not a test, since
 * the race cannot be brought about on demand: run it with
 * {@code bundles/case-store/benchmarks/plan-race-check.sh [rounds] [seconds per round]}.
 */
public final class PlanRaceCheck {

    private static final String LOOKUP = "SELECT * FROM deadline WHERE petition_id = ?";
    /** The deadlines each case has, sorted. */
    private static final String[] KINDS = {"DISPOSITION", "HANDLING"};
    /** Lookups that came back without failing but with other rows than the case's own. */
    private static final AtomicLong WRONG_ANSWERS = new AtomicLong();

    private PlanRaceCheck() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 25;
        long millis = (long) ((args.length > 1 ? Double.parseDouble(args[1]) : 4) * 1000);
        Path folder = Files.createTempDirectory("plan-race-check");
        AtomicLong plainReads = new AtomicLong();
        AtomicLong plainRaces = new AtomicLong();
        AtomicLong plainOther = new AtomicLong();
        AtomicLong storeReads = new AtomicLong();
        AtomicLong storeRacesMet = new AtomicLong();
        AtomicLong storeFailures = new AtomicLong();
        for (int round = 0; round < rounds; round++) {
            DataSource database = TestDatabase.fresh(folder.resolve("round" + round));
            try (Connection connection = database.getConnection(); Statement create = connection.createStatement()) {
                create.execute("CREATE TABLE petition (id CHAR(36) NOT NULL PRIMARY KEY)");
                create.execute("CREATE TABLE deadline (petition_id CHAR(36) NOT NULL, kind VARCHAR(30) NOT NULL,"
                        + " started_at TIMESTAMP NOT NULL, due DATE NOT NULL, met_at TIMESTAMP,"
                        + " CONSTRAINT pk_deadline PRIMARY KEY (petition_id, kind, started_at),"
                        + " CONSTRAINT fk_deadline_petition FOREIGN KEY (petition_id) REFERENCES petition (id))");
                create.execute("CREATE INDEX ix_deadline_pending_due ON deadline (met_at, due)");
            }
            Transactions transactions = new Transactions(database, e -> {
                boolean passing = Dialect.DERBY.isTransient(e);
                if (passing) {
                    storeRacesMet.incrementAndGet();
                }
                return passing;
            });
            List<String> ids = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService threads = Executors.newFixedThreadPool(5);
            for (int reader = 0; reader < 2; reader++) {
                threads.submit(() -> {
                    while (running.get()) {
                        try (Connection connection = database.getConnection()) {
                            for (int i = 0; i < 20; i++) {
                                lookUp(connection, ids);
                                plainReads.incrementAndGet();
                            }
                        } catch (SQLException e) {
                            (Dialect.planReplacedWhileRunning(e) ? plainRaces : plainOther).incrementAndGet();
                            report("plain reader", e);
                        }
                    }
                    return null;
                });
                threads.submit(() -> {
                    while (running.get()) {
                        try {
                            // As the store reads a petition: several statements on one connection.
                            transactions.read(connection -> {
                                for (int i = 0; i < 20; i++) {
                                    lookUp(connection, ids);
                                }
                                return null;
                            }, "the deadlines could not be read");
                            storeReads.addAndGet(20);
                        } catch (RuntimeException e) {
                            storeFailures.incrementAndGet();
                            report("store reader", e);
                        }
                    }
                    return null;
                });
            }
            threads.submit(() -> {
                transactions.write(connection -> {
                    try (PreparedStatement petition = connection.prepareStatement("INSERT INTO petition VALUES (?)");
                         PreparedStatement deadline = connection.prepareStatement(
                                 "INSERT INTO deadline VALUES (?, ?, CURRENT_TIMESTAMP, CURRENT_DATE, NULL)")) {
                        while (running.get()) {
                            String id = UUID.randomUUID().toString();
                            petition.setString(1, id);
                            petition.executeUpdate();
                            for (String kind : KINDS) {
                                deadline.setString(1, id);
                                deadline.setString(2, kind);
                                deadline.executeUpdate();
                            }
                            connection.commit();
                            ids.add(id);
                        }
                    }
                    return null;
                }, e -> false, "the deadlines could not be written");
                return null;
            });
            Thread.sleep(millis);
            running.set(false);
            threads.shutdown();
            threads.awaitTermination(1, TimeUnit.MINUTES);
            shutDown(database);
            System.out.printf("round %d: %d cases; plain reads %d, races %d, other failures %d;"
                            + " store reads %d, races met and read again %d, failures %d; wrong answers %d%n", round + 1,
                    ids.size(), plainReads.get(), plainRaces.get(), plainOther.get(), storeReads.get(),
                    storeRacesMet.get(), storeFailures.get(), WRONG_ANSWERS.get());
        }
    }

    private static void report(String reader, Exception e) {
        StringBuilder chain = new StringBuilder(reader).append(" failed:");
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            chain.append("\n    ").append(cause.getClass().getName())
                    .append(cause instanceof SQLException sql ? " " + sql.getSQLState() : "")
                    .append(": ").append(cause.getMessage());
        }
        System.out.println(chain);
    }

    /** Each round's database is let go, so that a long check does not hold them all. */
    private static void shutDown(DataSource database) {
        EmbeddedDataSource derby = (EmbeddedDataSource) database;
        derby.setCreateDatabase(null);
        derby.setShutdownDatabase("shutdown");
        try (Connection ignored = derby.getConnection()) {
            throw new IllegalStateException("Derby did not shut the database down");
        } catch (SQLException expected) {
            // 08006: the database was shut down.
        }
    }

    /** Looks a committed case up; an answer other than its own deadlines, each once, counts as wrong. */
    private static int lookUp(Connection connection, List<String> ids) throws SQLException {
        String id = ids.isEmpty() ? null : ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
        List<String> kinds = new ArrayList<>();
        try (PreparedStatement lookup = connection.prepareStatement(LOOKUP)) {
            lookup.setString(1, id == null ? "none" : id);
            try (ResultSet found = lookup.executeQuery()) {
                while (found.next()) {
                    if (!found.getString("petition_id").equals(id)) {
                        kinds.add("another case's");
                    }
                    kinds.add(found.getString("kind"));
                }
            }
        }
        Collections.sort(kinds);
        if (!kinds.equals(id == null ? List.of() : List.of(KINDS))) {
            WRONG_ANSWERS.incrementAndGet();
        }
        return kinds.size();
    }
}

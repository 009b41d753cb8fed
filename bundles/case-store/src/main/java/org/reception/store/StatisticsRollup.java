package org.reception.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.reception.cases.statistics.Dimension;
import org.reception.cases.statistics.Figures;
import org.reception.cases.statistics.Figures.Count;

/**
 * The statistics' rollup (V15): the kept counts of the cases by dimension, place and day or month
 * of receipt, so that a question reads at most a few thousand rows. A step that changes a case notes
 * it ({@link #noteChanged}) in the step's own transaction; {@link #countPending} counts the noted
 * cases in batches, each in one transaction that subtracts what a case added before, adds what it
 * adds now and deletes its notes. A crash loses a batch's work or none, never half of it; what was
 * noted is counted once, whenever the next batch runs.
 */
final class StatisticsRollup {

    /**
     * Cases counted per transaction: each changes at most 12 cells twice (where it was, where it is),
     * so a batch locks at most 3,072 rows of the rollup, below Derby's lock escalation (5,000 a table).
     * A power of two, as the IN lists that name a batch's cases are ({@link PetitionListing#in}).
     */
    static final int BATCH = 128;

    /** The counts the rollup keeps, in the order of its columns. */
    static final List<Count> KEPT = Arrays.stream(Count.values()).filter(count -> !count.live()).toList();

    private static final String COLUMNS = KEPT.stream().map(StatisticsRollup::column).collect(Collectors.joining(", "));
    private static final String PLACEHOLDERS = KEPT.stream().map(count -> "?").collect(Collectors.joining(", "));
    private static final String SUMS = KEPT.stream().map(count -> "SUM(" + column(count) + ")")
            .collect(Collectors.joining(", "));

    /** A cell of the rollup. */
    record Cell(Dimension dimension, char span, LocalDate periodStart, String jurisdiction, String value) {
    }

    private StatisticsRollup() {
    }

    static String column(Count count) {
        return "n_" + count.name().toLowerCase(Locale.ROOT);
    }

    /** Notes that a case's figures may have changed; in the transaction of the change. */
    static void noteChanged(Connection connection, String petitionId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO statistics_pending (petition_id) VALUES (?)")) {
            insert.setString(1, petitionId);
            insert.executeUpdate();
        }
    }

    /**
     * The sequence number of the newest note waiting, 0 when none waits: read without waiting for
     * the registrations under way (only whether notes keep coming is asked of it).
     */
    static long newestNote(Connection connection) throws SQLException {
        int isolation = connection.getTransactionIsolation();
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
        try {
            return count(connection, "SELECT COALESCE(MAX(seq), 0) FROM statistics_pending");
        } finally {
            connection.setTransactionIsolation(isolation);
        }
    }

    /** How many notes wait to be counted. */
    static long pending(Connection connection) throws SQLException {
        return count(connection, "SELECT COUNT(*) FROM statistics_pending");
    }

    /**
     * Counts one batch of noted cases, in the caller's transaction (which it must commit).
     *
     * @return how many notes it counted: 0 when none was waiting
     */
    static int countBatch(Connection connection) throws SQLException {
        // Batches take turns, on every node of a cluster: the first statement locks the one state row.
        try (PreparedStatement turn = connection.prepareStatement(
                "UPDATE statistics_state SET value = value + 1 WHERE name = 'batches'")) {
            turn.executeUpdate();
        }
        if (!complete(connection)) {
            return 0; // a recount is under way: it counts every case, the notes wait for its end
        }
        List<Long> notes = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq, petition_id FROM statistics_pending ORDER BY seq FETCH FIRST " + BATCH + " ROWS ONLY");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                notes.add(result.getLong(1));
                ids.add(result.getString(2));
            }
        }
        if (notes.isEmpty()) {
            return 0;
        }
        Map<Cell, Figures> changes = new HashMap<>();
        Map<String, PetitionCounts.Case> before = counted(connection, ids);
        before.values().forEach(one -> add(changes, one, -1));
        List<PetitionCounts.Case> now = PetitionCounts.cases(connection, ids);
        now.forEach(one -> add(changes, one, 1));
        apply(connection, changes);
        rememberCounted(connection, before.keySet(), now);
        // Exactly the notes read: one written meanwhile, even with a lower seq, waits for the next batch.
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM statistics_pending WHERE seq = ?")) {
            for (long seq : notes) {
                delete.setLong(1, seq);
                delete.addBatch();
            }
            delete.executeBatch();
        }
        return notes.size();
    }

    /**
     * What each case of the list was counted as, from statistics_counted, and its next due date from
     * statistics_due: each read by its key (as one join, Derby scanned the table for a long list).
     */
    private static Map<String, PetitionCounts.Case> counted(Connection connection, Collection<String> ids)
            throws SQLException {
        Map<String, LocalDate> due = new HashMap<>();
        List<PetitionListing.Binder> dueParameters = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT petition_id, next_due FROM statistics_due"
                + PetitionListing.byKey("pk_statistics_due") + " WHERE "
                + PetitionListing.in("petition_id", ids, dueParameters))) {
            PetitionListing.bind(select, dueParameters);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    due.put(result.getString(1), Jdbc.date(result, "next_due"));
                }
            }
        }
        Map<String, PetitionCounts.Case> counted = new LinkedHashMap<>();
        List<PetitionListing.Binder> parameters = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM statistics_counted"
                + PetitionListing.byKey("pk_statistics_counted") + " WHERE "
                + PetitionListing.in("petition_id", ids, parameters))) {
            PetitionListing.bind(select, parameters);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    Map<Dimension, String> values = new java.util.EnumMap<>(Dimension.class);
                    String place = result.getString("jurisdiction").strip();
                    values.put(Dimension.DIVISION, place);
                    values.put(Dimension.TYPE, result.getString("petition_type"));
                    values.put(Dimension.CATEGORY, result.getString("category"));
                    values.put(Dimension.CHANNEL, result.getString("channel"));
                    values.put(Dimension.UNIT, result.getString("unit"));
                    values.put(Dimension.STATUS, result.getString("status"));
                    String id = result.getString("petition_id");
                    counted.put(id, new PetitionCounts.Case(id, place, Jdbc.date(result, "received_on"), values,
                            due.get(id), kept(result)));
                }
            }
        }
        return counted;
    }

    private static Figures kept(ResultSet result) throws SQLException {
        Map<Count, Long> counts = new java.util.EnumMap<>(Count.class);
        for (Count count : KEPT) {
            counts.put(count, result.getLong(column(count)));
        }
        return Figures.of(counts);
    }

    /** The kept counts of a row whose columns from {@code first} on are the {@link #SUMS}, in the order of {@link #KEPT}. */
    private static Figures sums(ResultSet result, int first) throws SQLException {
        Map<Count, Long> counts = new java.util.EnumMap<>(Count.class);
        for (int i = 0; i < KEPT.size(); i++) {
            counts.put(KEPT.get(i), result.getLong(first + i));
        }
        return Figures.of(counts);
    }

    private static void rememberCounted(Connection connection, Set<String> before, List<PetitionCounts.Case> now)
            throws SQLException {
        for (String table : List.of("statistics_counted", "statistics_due")) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE petition_id = ?")) {
                for (String id : before) {
                    delete.setString(1, id);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO statistics_due (petition_id, next_due,"
                + " received_on, jurisdiction, petition_type, category, channel, unit, status)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (PetitionCounts.Case one : now) {
                if (one.nextDue() == null) {
                    continue;
                }
                insert.setString(1, one.id());
                Jdbc.setDate(insert, 2, one.nextDue());
                Jdbc.setDate(insert, 3, one.receivedOn());
                insert.setString(4, one.jurisdiction());
                insert.setString(5, one.values().get(Dimension.TYPE));
                insert.setString(6, one.values().get(Dimension.CATEGORY));
                insert.setString(7, one.values().get(Dimension.CHANNEL));
                insert.setString(8, one.values().get(Dimension.UNIT));
                insert.setString(9, one.values().get(Dimension.STATUS));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO statistics_counted (petition_id, received_on, received_month, jurisdiction, petition_type,"
                        + " category, channel, unit, status, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + PLACEHOLDERS + ")")) {
            for (PetitionCounts.Case one : now) {
                insert.setString(1, one.id());
                Jdbc.setDate(insert, 2, one.receivedOn());
                Jdbc.setDate(insert, 3, one.receivedOn().withDayOfMonth(1));
                insert.setString(4, one.jurisdiction());
                insert.setString(5, one.values().get(Dimension.TYPE));
                insert.setString(6, one.values().get(Dimension.CATEGORY));
                insert.setString(7, one.values().get(Dimension.CHANNEL));
                insert.setString(8, one.values().get(Dimension.UNIT));
                insert.setString(9, one.values().get(Dimension.STATUS));
                setCounts(insert, 10, one.kept());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** A case's counts added to (sign 1) or taken from (-1) each of its cells: one per dimension and span. */
    private static void add(Map<Cell, Figures> changes, PetitionCounts.Case one, int sign) {
        Figures figures = sign > 0 ? one.kept() : Figures.ZERO.minus(one.kept());
        LocalDate month = one.receivedOn().withDayOfMonth(1);
        for (Dimension dimension : Dimension.values()) {
            String value = one.values().get(dimension);
            changes.merge(new Cell(dimension, 'D', one.receivedOn(), one.jurisdiction(), value), figures, Figures::plus);
            changes.merge(new Cell(dimension, 'M', month, one.jurisdiction(), value), figures, Figures::plus);
        }
    }

    /**
     * Adds the changes to their cells, inserting the cells not there yet. An update sets only the
     * counts that change: a cell's row has some forty, a case changes a few, and Derby logs each
     * column an update sets, which every registration's commit then waits to write beside its own.
     */
    private static void apply(Connection connection, Map<Cell, Figures> changes) throws SQLException {
        List<Map.Entry<Cell, Figures>> absent = new ArrayList<>();
        Map<List<Count>, PreparedStatement> updates = new HashMap<>();
        try {
            for (Map.Entry<Cell, Figures> change : changes.entrySet()) {
                if (change.getValue().isZero()) {
                    continue; // a case counted again as it was
                }
                List<Count> changed = KEPT.stream().filter(count -> change.getValue().get(count) != 0).toList();
                PreparedStatement update = updates.get(changed);
                if (update == null) {
                    update = connection.prepareStatement("UPDATE statistics_rollup SET "
                            + changed.stream().map(count -> column(count) + " = " + column(count) + " + ?")
                            .collect(Collectors.joining(", "))
                            + " WHERE dimension = ? AND span = ? AND period_start = ? AND jurisdiction = ? AND dim_value = ?");
                    updates.put(changed, update);
                }
                int next = 1;
                for (Count count : changed) {
                    update.setLong(next++, change.getValue().get(count));
                }
                setCell(update, next, change.getKey());
                if (update.executeUpdate() == 0) {
                    absent.add(change);
                }
            }
        } finally {
            for (PreparedStatement update : updates.values()) {
                update.close();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO statistics_rollup (dimension, span,"
                + " period_start, jurisdiction, dim_value, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, " + PLACEHOLDERS + ")")) {
            for (Map.Entry<Cell, Figures> change : absent) {
                setCounts(insert, setCell(insert, 1, change.getKey()), change.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static int setCell(PreparedStatement statement, int index, Cell cell) throws SQLException {
        statement.setString(index, cell.dimension().name());
        statement.setString(index + 1, String.valueOf(cell.span()));
        Jdbc.setDate(statement, index + 2, cell.periodStart());
        statement.setString(index + 3, cell.jurisdiction());
        statement.setString(index + 4, cell.value());
        return index + 5;
    }

    private static int setCounts(PreparedStatement statement, int index, Figures figures) throws SQLException {
        for (Count count : KEPT) {
            statement.setLong(index++, figures.get(count));
        }
        return index;
    }

    /**
     * The kept counts of the places under each prefix received from {@code from} to {@code to} (both
     * included), by the rows of the dimension: whole calendar months from the month cells, the days
     * around them from the day cells.
     */
    static Map<String, Figures> figures(Connection connection, Collection<String> prefixes, LocalDate from,
                                        LocalDate to, Dimension by, String rowPrefix) throws SQLException {
        Map<String, Figures> rows = new TreeMap<>();
        LocalDate firstWholeMonth = from.getDayOfMonth() == 1 ? from : from.with(TemporalAdjusters.firstDayOfNextMonth());
        LocalDate afterWholeMonths = to.plusDays(1).withDayOfMonth(1);
        for (String prefix : prefixes) {
            if (firstWholeMonth.isBefore(afterWholeMonths)) {
                read(connection, rows, by, prefix, rowPrefix, 'M', firstWholeMonth, afterWholeMonths);
                read(connection, rows, by, prefix, rowPrefix, 'D', from, firstWholeMonth);
                read(connection, rows, by, prefix, rowPrefix, 'D', afterWholeMonths, to.plusDays(1));
            } else {
                read(connection, rows, by, prefix, rowPrefix, 'D', from, to.plusDays(1));
            }
        }
        rows.values().removeIf(Figures::isZero);
        return rows;
    }

    private static void read(Connection connection, Map<String, Figures> rows, Dimension by, String prefix,
                             String rowPrefix, char span, LocalDate from, LocalDate until) throws SQLException {
        if (!from.isBefore(until)) {
            return;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT dim_value, " + SUMS
                + " FROM statistics_rollup WHERE dimension = ? AND span = ? AND period_start >= ? AND period_start < ?"
                + " AND jurisdiction LIKE ? GROUP BY dim_value")) {
            select.setString(1, by.name());
            select.setString(2, String.valueOf(span));
            Jdbc.setDate(select, 3, from);
            Jdbc.setDate(select, 4, until);
            select.setString(5, prefix + "%");
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.merge(PetitionCounts.key(result.getString(1).strip(), rowPrefix, by), sums(result, 2),
                            Figures::plus);
                }
            }
        }
    }

    /**
     * The live counts (overdue, due soon) of the places under each prefix received from {@code from}
     * to {@code to} (both included), by the rows of the dimension: from the cases with a pending time
     * limit ending by {@code dueSoonUntil}, read from the index of statistics_due alone.
     */
    static Map<String, Figures> live(Connection connection, Collection<String> prefixes, LocalDate from, LocalDate to,
                                     Dimension by, String rowPrefix, LocalDate today, LocalDate dueSoonUntil)
            throws SQLException {
        Map<String, Figures> rows = new TreeMap<>();
        for (String prefix : prefixes) {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + valueColumn(by) + ", next_due"
                    + " FROM statistics_due WHERE next_due <= ? AND received_on >= ? AND received_on <= ?"
                    + " AND jurisdiction LIKE ?")) {
                Jdbc.setDate(select, 1, dueSoonUntil);
                Jdbc.setDate(select, 2, from);
                Jdbc.setDate(select, 3, to);
                select.setString(4, prefix + "%");
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        rows.merge(PetitionCounts.key(result.getString(1).strip(), rowPrefix, by),
                                PetitionCounts.live(Jdbc.date(result, "next_due"), today, dueSoonUntil), Figures::plus);
                    }
                }
            }
        }
        rows.values().removeIf(Figures::isZero);
        return rows;
    }

    /** How many cases the rollup counts. */
    static long countedCases(Connection connection) throws SQLException {
        return count(connection, "SELECT COUNT(*) FROM statistics_counted");
    }

    /** How many cells it has. */
    static long cells(Connection connection) throws SQLException {
        return count(connection, "SELECT COUNT(*) FROM statistics_rollup");
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet result = select.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Whether every case is counted: no recount is under way. */
    static boolean complete(Connection connection) throws SQLException {
        return count(connection, "SELECT value FROM statistics_state WHERE name = 'complete'") == 1;
    }

    /**
     * Claims the recount for this node until {@code until} (epoch seconds), if no other node holds an
     * unexpired claim: one UPDATE, so two nodes never both win.
     */
    static boolean claimRecount(Connection connection, long now, long until) throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement(
                "UPDATE statistics_state SET value = ? WHERE name = 'recounting' AND value < ?")) {
            claim.setLong(1, until);
            claim.setLong(2, now);
            return claim.executeUpdate() == 1;
        }
    }

    /** Renews this node's claim of the recount until {@code until}. */
    static void renewRecount(Connection connection, long until) throws SQLException {
        try (PreparedStatement renew = connection.prepareStatement(
                "UPDATE statistics_state SET value = ? WHERE name = 'recounting'")) {
            renew.setLong(1, until);
            renew.executeUpdate();
        }
    }

    /**
     * Starts counting every case anew: forgets what was counted and the notes (every case is read
     * again after this commits). Answers come from the cases until {@link #finishRecount}.
     */
    static void startRecount(Connection connection) throws SQLException {
        for (String sql : List.of("UPDATE statistics_state SET value = value + 1 WHERE name = 'batches'",
                "UPDATE statistics_state SET value = 0 WHERE name = 'complete'", "DELETE FROM statistics_pending",
                "DELETE FROM statistics_counted", "DELETE FROM statistics_due", "DELETE FROM statistics_rollup")) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.executeUpdate();
            }
        }
    }

    /**
     * Counts the next cases of a recount, by id: what each adds, into statistics_counted.
     *
     * @return the last id counted, {@code null} when no case is left
     */
    static String recountCases(Connection connection, String afterId, int cases) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM petition WHERE id > ? ORDER BY id FETCH FIRST " + cases + " ROWS ONLY")) {
            select.setString(1, afterId);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getString(1));
                }
            }
        }
        if (ids.isEmpty()) {
            return null;
        }
        // A case noted while the recount runs is counted again by the batches after it: no harm, no loss.
        rememberCounted(connection, Set.of(), PetitionCounts.cases(connection, ids));
        return ids.get(ids.size() - 1);
    }

    /** Adds up what every case adds into the rollup's cells, in the database, and declares it complete. */
    static void finishRecount(Connection connection) throws SQLException {
        try (PreparedStatement turn = connection.prepareStatement(
                "UPDATE statistics_state SET value = value + 1 WHERE name = 'batches'")) {
            turn.executeUpdate();
        }
        for (Dimension dimension : Dimension.values()) {
            String value = valueColumn(dimension);
            for (char span : new char[] {'D', 'M'}) {
                String start = span == 'D' ? "received_on" : "received_month";
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO statistics_rollup (dimension,"
                        + " span, period_start, jurisdiction, dim_value, " + COLUMNS + ") SELECT '" + dimension.name()
                        + "', '" + span + "', " + start + ", jurisdiction, " + value + ", " + SUMS
                        + " FROM statistics_counted GROUP BY " + start + ", jurisdiction, " + value)) {
                    insert.executeUpdate();
                }
            }
        }
        for (String sql : List.of("UPDATE statistics_state SET value = 1 WHERE name = 'complete'",
                "UPDATE statistics_state SET value = 0 WHERE name = 'recounting'")) {
            try (PreparedStatement done = connection.prepareStatement(sql)) {
                done.executeUpdate();
            }
        }
    }

    /**
     * Where the rollup differs from the cases counted anew: first each case as it was counted against
     * the case now, then each cell against the sum of what its cases were counted as. Reads every case,
     * a few thousand at a time.
     *
     * @return a line per difference (at most {@code limit}), empty when the rollup is exact
     */
    static List<String> differences(Connection connection, int limit) throws SQLException {
        List<String> differences = new ArrayList<>();
        long cases = 0;
        for (String after = ""; after != null && differences.size() < limit; ) {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id FROM petition WHERE id > ? ORDER BY id FETCH FIRST 2000 ROWS ONLY")) {
                select.setString(1, after);
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        ids.add(result.getString(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                break;
            }
            cases += ids.size();
            Map<String, PetitionCounts.Case> counted = counted(connection, ids);
            for (PetitionCounts.Case now : PetitionCounts.cases(connection, ids)) {
                PetitionCounts.Case then = counted.get(now.id());
                if (then == null || !then.values().equals(now.values()) || !then.receivedOn().equals(now.receivedOn())
                        || !then.kept().equals(now.kept()) || !java.util.Objects.equals(then.nextDue(), now.nextDue())) {
                    differences.add("case " + now.id() + ": counted as " + then + ", it is " + now);
                }
            }
            after = ids.get(ids.size() - 1);
        }
        if (countedCases(connection) != cases && differences.size() < limit) {
            differences.add(countedCases(connection) + " cases counted, " + cases + " stored");
        }
        for (Dimension dimension : Dimension.values()) {
            for (char span : new char[] {'D', 'M'}) {
                if (differences.size() >= limit) {
                    return differences;
                }
                Map<List<String>, Figures> expected = cells(connection, "SELECT " + (span == 'D' ? "received_on"
                        : "received_month") + ", jurisdiction, " + valueColumn(dimension) + ", " + SUMS
                        + " FROM statistics_counted GROUP BY " + (span == 'D' ? "received_on" : "received_month")
                        + ", jurisdiction, " + valueColumn(dimension));
                Map<List<String>, Figures> actual = cells(connection, "SELECT period_start, jurisdiction, dim_value, "
                        + SUMS + " FROM statistics_rollup WHERE dimension = '" + dimension + "' AND span = '" + span
                        + "' GROUP BY period_start, jurisdiction, dim_value");
                Set<List<String>> all = new LinkedHashSet<>(expected.keySet());
                all.addAll(actual.keySet());
                for (List<String> cell : all) {
                    Figures want = expected.getOrDefault(cell, Figures.ZERO);
                    Figures have = actual.getOrDefault(cell, Figures.ZERO);
                    if (!want.equals(have) && differences.size() < limit) {
                        differences.add(dimension + " " + span + " " + cell + ": the rollup has " + have
                                + ", its cases add up to " + want);
                    }
                }
            }
        }
        return differences;
    }

    private static String valueColumn(Dimension dimension) {
        return switch (dimension) {
            case DIVISION -> "jurisdiction";
            case TYPE -> "petition_type";
            case CATEGORY -> "category";
            case CHANNEL -> "channel";
            case UNIT -> "unit";
            case STATUS -> "status";
        };
    }

    /** Cells (start, place, value) with non-zero sums, from a query of those three columns and the sums. */
    private static Map<List<String>, Figures> cells(Connection connection, String sql) throws SQLException {
        Map<List<String>, Figures> cells = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet result = select.executeQuery()) {
            while (result.next()) {
                Figures figures = sums(result, 4);
                if (!figures.isZero()) {
                    cells.put(List.of(result.getString(1), result.getString(2).strip(), result.getString(3).strip()),
                            figures);
                }
            }
        }
        return cells;
    }
}

package org.reception.store;

import static org.reception.store.Jdbc.date;
import static org.reception.store.Jdbc.instant;
import static org.reception.store.Jdbc.setDate;
import static org.reception.store.Jdbc.setInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.reception.cases.Category;
import org.reception.cases.Page;
import org.reception.cases.PetitionQuery;
import org.reception.cases.PetitionStatus;
import org.reception.cases.PetitionSummary;
import org.reception.cases.PetitionType;
import org.reception.cases.spi.ListScope;

/**
 * The list queries of the desk and the supervisors. Criteria become SQL conditions with bound
 * parameters only; no value from a request is ever part of the SQL text.
 */
final class PetitionListing {

    /**
     * Counting stops here: an exact count of hundreds of thousands of matches costs a scan of all
     * of them, and no desk pages that far. Beyond it the total is reported as not exact.
     */
    static final int COUNT_LIMIT = 1_000;

    private PetitionListing() {
    }

    interface Binder {
        void bind(PreparedStatement statement, int index) throws SQLException;
    }

    /**
     * Derby's hint that a table be read by the index of one of its constraints, to follow the table's
     * name in a FROM clause; a comment to any other database. Derby reads a table whole for a long IN
     * list on its key (40 ms for a batch of the rollup among a few thousand cases) unless told.
     */
    static String byKey(String constraint) {
        return " --DERBY-PROPERTIES constraint=" + constraint + "\n";
    }

    /**
     * {@code column IN (?, ?, …)} over the values, their binders added. The list is padded to a
     * power of two by repeating its last value (which changes nothing an IN finds), so that a
     * statement over any number of values has one of a few texts, each compiled once: Derby
     * compiles each statement text to classes, and a job that asked with every size compiled anew.
     */
    static String in(String column, java.util.Collection<String> values, List<Binder> parameters) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an IN list needs a value");
        }
        int size = Math.max(8, Integer.highestOneBit(values.size() - 1) << 1);
        String last = null;
        for (String value : values) {
            parameters.add((s, i) -> s.setString(i, value));
            last = value;
        }
        String padding = last;
        for (int i = values.size(); i < size; i++) {
            parameters.add((s, index) -> s.setString(index, padding));
        }
        return column + " IN (" + String.join(", ", java.util.Collections.nCopies(size, "?")) + ")";
    }

    static Page<PetitionSummary> page(Connection connection, PetitionQuery query, ListScope scope, LocalDate today)
            throws SQLException {
        List<String> conditions = new ArrayList<>();
        List<Binder> parameters = new ArrayList<>();
        conditions.add(scoped(scope, parameters));
        if (query.jurisdiction() != null) {
            conditions.add("p.jurisdiction LIKE ?");
            parameters.add((s, i) -> s.setString(i, query.jurisdiction() + "%"));
        }
        if (!query.statuses().isEmpty()) {
            List<String> marks = new ArrayList<>();
            for (PetitionStatus status : query.statuses()) {
                marks.add("?");
                parameters.add((s, i) -> s.setString(i, status.name()));
            }
            conditions.add("p.status IN (" + String.join(", ", marks) + ")");
        }
        if (query.unit() != null) {
            conditions.add("p.handling_unit = ?");
            parameters.add((s, i) -> s.setString(i, query.unit()));
        }
        if (query.overdue()) {
            conditions.add("p.next_due < ?");
            parameters.add((s, i) -> setDate(s, i, today));
        }
        if (query.dueWithinDays() != null) {
            conditions.add("p.next_due <= ?");
            parameters.add((s, i) -> setDate(s, i, today.plusDays(query.dueWithinDays())));
        }
        if (query.type() != null) {
            conditions.add("p.petition_type = ?");
            parameters.add((s, i) -> s.setString(i, query.type().name()));
        }
        if (query.category() != null) {
            conditions.add("p.category = ?");
            parameters.add((s, i) -> s.setString(i, query.category().name()));
        }
        if (query.channel() != null) {
            conditions.add("p.channel = ?");
            parameters.add((s, i) -> s.setString(i, query.channel().name()));
        }
        if (query.receivedFrom() != null) {
            conditions.add("p.received_at >= ?");
            parameters.add((s, i) -> setInstant(s, i, query.receivedFrom()));
        }
        if (query.receivedTo() != null) {
            conditions.add("p.received_at < ?");
            parameters.add((s, i) -> setInstant(s, i, query.receivedTo()));
        }
        if (query.text() != null && !query.text().isBlank()) {
            conditions.add("p.title LIKE ? ESCAPE '\\'");
            parameters.add((s, i) -> s.setString(i, contains(query.text())));
        }
        // The count is of the whole list, so it is taken before the page's start is added.
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        List<Binder> pageParameters = new ArrayList<>(parameters);
        List<String> pageConditions = new ArrayList<>(conditions);
        PetitionQuery.After after = query.after();
        if (after != null) {
            // The list index leads with received_at DESC: the first condition is where its walk starts.
            pageConditions.add("p.received_at <= ? AND NOT (p.received_at = ? AND p.id <= ?)");
            pageParameters.add((s, i) -> setInstant(s, i, after.receivedAt()));
            pageParameters.add((s, i) -> setInstant(s, i, after.receivedAt()));
            pageParameters.add((s, i) -> s.setString(i, after.id()));
        }
        String pageWhere = pageConditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", pageConditions);
        // The list index holds every criterion but the subject, in the lists' order: the page walks
        // it and stops at its end. Counts are left to the optimizer, which serves them from the
        // index of their most selective criteria without reading the rows.
        String listIndex = " --DERBY-PROPERTIES index=IX_PETITION_LIST\n";

        long total;
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM (SELECT 1 AS hit FROM petition p"
                + where + " FETCH FIRST " + (COUNT_LIMIT + 1) + " ROWS ONLY) AS matches")) {
            bind(count, parameters);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                total = row.getLong(1);
            }
        }
        boolean exact = total <= COUNT_LIMIT;
        List<PetitionSummary> items = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT p.id, p.registration_number, p.petition_type, p.category, p.title, p.jurisdiction,"
                        + " p.received_at, p.status, p.handling_unit, p.next_due FROM petition p" + listIndex + pageWhere
                        + " ORDER BY p.received_at DESC, p.id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            int next = bind(select, pageParameters);
            select.setLong(next++, after != null ? 0 : (long) query.page() * query.size());
            select.setInt(next, query.size());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    LocalDate nextDue = date(rows, "next_due");
                    Instant receivedAt = instant(rows, "received_at");
                    items.add(new PetitionSummary(rows.getString("id"), rows.getString("registration_number"),
                            PetitionType.valueOf(rows.getString("petition_type")),
                            Category.valueOf(rows.getString("category")), rows.getString("title"),
                            rows.getString("jurisdiction"), receivedAt, PetitionStatus.valueOf(rows.getString("status")),
                            rows.getString("handling_unit"), nextDue, nextDue != null && nextDue.isBefore(today)));
                }
            }
        }
        return new Page<>(items, exact ? total : COUNT_LIMIT, exact, query.page(), query.size());
    }

    /** A condition on {@code p} (the petition) with the parameters it binds, in order. */
    record Condition(String sql, List<Binder> parameters) {
    }

    /**
     * The caller's scope as conditions: its places or its units, and never a case hidden from one of
     * its units. Units and reader circles match whole elements; a hidden term found anywhere among
     * the hidden parties counts, which errs on the side of hiding.
     */
    static String scoped(ListScope scope, List<Binder> parameters) {
        List<String> reach = new ArrayList<>();
        for (Condition one : reaches(scope, true)) {
            reach.add(one.sql());
            parameters.addAll(one.parameters());
        }
        String scoped = "(" + String.join(" OR ", reach) + ")";
        Condition kept = notHidden(scope);
        if (kept != null) {
            parameters.addAll(kept.parameters());
            scoped += " AND " + kept.sql();
        }
        return scoped;
    }

    /**
     * The ways a case comes within the scope, each a condition of its own: a case is in scope when
     * one of them holds and {@link #notHidden} does. Asked one at a time, each finds its cases by its
     * own index (a place's, a lead unit's, the co-units' table), which their OR would not.
     */
    static List<Condition> reaches(ListScope scope) {
        return reaches(scope, false);
    }

    /**
     * @param rowByRow for a query that tests every row it walks (a list in its index's order): a
     *                 unit's cases are then tested on the row's own columns, its lead unit and its
     *                 co-units' joined list (the same co-units as their table's rows, written in the
     *                 same transaction); Derby does that in half the time of a probe of the table per
     *                 row (a unit's queue on a million cases: 151 against 310 ms)
     */
    private static List<Condition> reaches(ListScope scope, boolean rowByRow) {
        List<Condition> reaches = new ArrayList<>();
        for (String prefix : scope.jurisdictionPrefixes()) {
            reaches.add(new Condition("p.jurisdiction LIKE ?", List.of((s, i) -> s.setString(i, prefix + "%"))));
        }
        for (String prefix : scope.handlingPrefixes()) {
            reaches.add(new Condition("p.handling_unit LIKE ? ESCAPE '\\'",
                    List.of((s, i) -> s.setString(i, escape(prefix) + "%"))));
        }
        for (ListScope.Unit unit : scope.units()) {
            // Lists are stored one element per line: a reader circle matches a whole line, never a longer name.
            List<String> circle = unit.names().stream()
                    .map(name -> "('\n' || c.readers || '\n') LIKE ? ESCAPE '\\'").toList();
            String inCircle = " AND NOT EXISTS (SELECT 1 FROM confidentiality_decision c WHERE c.petition_id = p.id"
                    + " AND c.readers <> '' AND NOT (" + String.join(" OR ", circle) + "))";
            Binder code = (s, i) -> s.setString(i, unit.code());
            List<Binder> names = new ArrayList<>();
            for (String name : unit.names()) {
                names.add((s, i) -> s.setString(i, element(name)));
            }
            if (rowByRow) {
                reaches.add(new Condition("((p.handling_unit = ? OR ('\n' || p.co_units || '\n') LIKE ? ESCAPE '\\')"
                        + inCircle + ")", then(List.of(code, (s, i) -> s.setString(i, element(unit.code()))), names)));
            } else {
                reaches.add(new Condition("(p.handling_unit = ?" + inCircle + ")", then(List.of(code), names)));
                reaches.add(new Condition("(p.id IN (SELECT cu.petition_id FROM petition_co_unit cu"
                        + " WHERE cu.unit_code = ?)" + inCircle + ")", then(List.of(code), names)));
            }
        }
        return reaches;
    }

    private static List<Binder> then(List<Binder> first, List<Binder> second) {
        List<Binder> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    /** The scope's hidden terms as a condition: no case hidden from one of them; {@code null} when it has none. */
    static Condition notHidden(ListScope scope) {
        if (scope.hiddenTerms().isEmpty()) {
            return null;
        }
        List<String> hidden = new ArrayList<>();
        List<Binder> parameters = new ArrayList<>();
        for (String term : scope.hiddenTerms()) {
            hidden.add("c.hidden_from LIKE ? ESCAPE '\\'");
            parameters.add((s, i) -> s.setString(i, contains(term)));
        }
        return new Condition("NOT EXISTS (SELECT 1 FROM confidentiality_decision c WHERE c.petition_id = p.id"
                + " AND c.hidden_from <> '' AND (" + String.join(" OR ", hidden) + "))", parameters);
    }

    /** A pattern matching one whole line of a list stored one element per line (wrapped in line ends). */
    private static String element(String value) {
        return "%\n" + escape(value) + "\n%";
    }

    private static String contains(String term) {
        return "%" + escape(term) + "%";
    }

    private static String escape(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static int bind(PreparedStatement statement, List<Binder> parameters) throws SQLException {
        return bind(statement, 1, parameters);
    }

    /** Binds the parameters from {@code index} on; @return the index after the last */
    static int bind(PreparedStatement statement, int index, List<Binder> parameters) throws SQLException {
        for (Binder parameter : parameters) {
            parameter.bind(statement, index++);
        }
        return index;
    }
}

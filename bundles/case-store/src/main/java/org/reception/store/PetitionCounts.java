package org.reception.store;

import static org.reception.store.Jdbc.date;
import static org.reception.store.Jdbc.instant;
import static org.reception.store.Jdbc.setInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.reception.cases.Channel;
import org.reception.cases.Disposition;
import org.reception.cases.EscalationLevel;
import org.reception.cases.EscalationTrigger;
import org.reception.cases.PetitionType;
import org.reception.cases.PlatformTime;
import org.reception.cases.RedirectChannel;
import org.reception.cases.Satisfaction;
import org.reception.cases.spi.ListScope;
import org.reception.cases.statistics.Dimension;
import org.reception.cases.statistics.EscalationCount;
import org.reception.cases.statistics.Period;
import org.reception.cases.statistics.Figures;
import org.reception.cases.statistics.Figures.Count;

/**
 * The statistics' counts of each case, from the raw cases: what one case adds to the figures, by the
 * definitions of {@code docs/analysis.md}. The rollup ({@link StatisticsRollup}) keeps these counts
 * ready; a reader the rollup does not serve (a unit: its own cases) and every check of the rollup
 * count them here. One SQL query reads the cases' columns (never a petitioner's personal data), two
 * more their time limits and supervision orders.
 */
final class PetitionCounts {

    /** A visit of more than this many petitioners is a group visit (Art. 20 asks it for representatives). */
    static final int GROUP_VISIT = 5;

    /**
     * A case as the figures see it.
     *
     * @param values its value of each dimension (for {@link Dimension#DIVISION}, its place)
     * @param nextDue the last day of its earliest pending time limit of the office, if any
     * @param kept what it adds to the counts the rollup keeps (all but the live ones)
     */
    record Case(String id, String jurisdiction, LocalDate receivedOn, Map<Dimension, String> values,
                LocalDate nextDue, Figures kept) {
    }

    /** A time limit of a case: its last day (CST) and when it was met, if it was. */
    record Limit(String kind, LocalDate due, Instant met) {
        boolean metOnTime() {
            return met != null && !met.atZone(PlatformTime.ZONE).toLocalDate().isAfter(due);
        }
    }

    /** What the counting reads of a case besides its own row. */
    private record Row(String id, String jurisdiction, Instant receivedAt, PetitionType type, String category,
                       Channel channel, String unit, String status, Disposition disposition, boolean confidential,
                       Satisfaction satisfaction, boolean replied, LocalDate nextDue, long people, boolean repeat,
                       boolean escalated, boolean filedAboveLevel, RedirectChannel redirectedTo) {
    }

    private PetitionCounts() {
    }

    /** The figures of the scope's cases of the jurisdiction received in [from, to), by the dimension's values. */
    static Map<String, Figures> figures(Connection connection, String prefix, Instant from, Instant to, Dimension by,
                                       ListScope scope, LocalDate today, LocalDate dueSoonUntil) throws SQLException {
        // The scope's conditions are read once, for the ids, and each way into the scope alone (a
        // unit's cases by its lead-unit index and the co-units' table, not by a scan of the year); each
        // case's columns, limits and orders then by its id, a thousand at a time.
        java.util.Set<String> found = new java.util.LinkedHashSet<>();
        PetitionListing.Condition kept = PetitionListing.notHidden(scope);
        for (PetitionListing.Condition reach : PetitionListing.reaches(scope)) {
            List<PetitionListing.Binder> parameters = new ArrayList<>(reach.parameters());
            String where = reach.sql();
            if (kept != null) {
                where += " AND " + kept.sql();
                parameters.addAll(kept.parameters());
            }
            where += " AND p.jurisdiction LIKE ? AND p.received_at >= ? AND p.received_at < ?";
            parameters.add((s, i) -> s.setString(i, prefix + "%"));
            parameters.add((s, i) -> setInstant(s, i, from));
            parameters.add((s, i) -> setInstant(s, i, to));
            try (PreparedStatement select = connection.prepareStatement("SELECT p.id FROM petition p WHERE " + where)) {
                PetitionListing.bind(select, parameters);
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        found.add(result.getString(1));
                    }
                }
            }
        }
        List<String> ids = new ArrayList<>(found);
        // Each thousand tallied at once: a province's year is never held in memory case by case.
        Map<String, Figures> rows = new TreeMap<>();
        for (int first = 0; first < ids.size(); first += 1000) {
            tally(cases(connection, ids.subList(first, Math.min(ids.size(), first + 1000))), prefix, by, today,
                    dueSoonUntil).forEach((key, figures) -> rows.merge(key, figures, Figures::plus));
        }
        return rows;
    }

    /**
     * The escalations raised in the period on the scope's cases of the jurisdiction, by trigger and
     * level: from the escalations themselves (their index on raised_at), not the rollup.
     */
    static List<EscalationCount> escalations(Connection connection, String prefix, Period period, ListScope scope)
            throws SQLException {
        List<PetitionListing.Binder> parameters = new ArrayList<>();
        parameters.add((s, i) -> setInstant(s, i, period.start()));
        parameters.add((s, i) -> setInstant(s, i, period.end()));
        String where = "e.raised_at >= ? AND e.raised_at < ? AND " + PetitionListing.scoped(scope, parameters)
                + " AND p.jurisdiction LIKE ?";
        parameters.add((s, i) -> s.setString(i, prefix + "%"));
        List<EscalationCount> counts = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT e.trigger_kind, e.escalation_level, COUNT(*)"
                + " FROM escalation e JOIN petition p ON p.id = e.petition_id WHERE " + where
                + " GROUP BY e.trigger_kind, e.escalation_level")) {
            PetitionListing.bind(select, parameters);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    counts.add(new EscalationCount(EscalationTrigger.valueOf(result.getString(1).strip()),
                            EscalationLevel.valueOf(result.getString(2).strip()), result.getLong(3)));
                }
            }
        }
        counts.sort(java.util.Comparator.comparing(EscalationCount::trigger).thenComparing(EscalationCount::level));
        return counts;
    }

    /** The cases that meet a condition on {@code p} (the petition), with all they add. */
    static List<Case> cases(Connection connection, String where, List<PetitionListing.Binder> parameters)
            throws SQLException {
        return cases(connection, " WHERE " + where, " JOIN petition p ON p.id = d.petition_id WHERE " + where,
                " JOIN petition p ON p.id = s.petition_id WHERE " + where, parameters);
    }

    /** The cases of these ids, with all they add: each table read by its index on the case's id. */
    static List<Case> cases(Connection connection, java.util.Collection<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<PetitionListing.Binder> parameters = new ArrayList<>();
        String in = PetitionListing.in("", ids, parameters);
        return cases(connection, PetitionListing.byKey("pk_petition") + " WHERE p.id" + in,
                PetitionListing.byKey("fk_deadline_petition") + " WHERE d.petition_id" + in,
                PetitionListing.byKey("fk_supervision_petition") + " WHERE s.petition_id" + in, parameters);
    }

    /** The cases {@code petitions} (the text after {@code FROM petition p}) names, with all they add. */
    private static List<Case> cases(Connection connection, String petitions, String deadlinesWhere,
                                    String supervisionsWhere, List<PetitionListing.Binder> parameters)
            throws SQLException {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT p.id, p.jurisdiction, p.received_at, p.petition_type, p.category, p.channel, p.handling_unit,"
                        + " p.status, p.disposition, p.confidential, p.satisfaction, p.replied_at, p.next_due, p.received_by,"
                        + " p.redirect_channel,"
                        + " (SELECT COUNT(*) FROM petitioner pt WHERE pt.petition_id = p.id) AS people,"
                        + " (SELECT COUNT(*) FROM petition_link pl WHERE pl.petition_id = p.id) AS links,"
                        + " (SELECT COUNT(*) FROM escalation e WHERE e.petition_id = p.id) AS escalations,"
                        + " (SELECT COUNT(*) FROM confidentiality_decision cd WHERE cd.petition_id = p.id"
                        + " AND cd.identity_hidden = TRUE) AS hidden FROM petition p" + petitions)) {
            PetitionListing.bind(select, parameters);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    String disposition = result.getString("disposition");
                    String satisfaction = result.getString("satisfaction");
                    Row row = new Row(result.getString("id"), result.getString("jurisdiction").strip(),
                            instant(result, "received_at"), PetitionType.valueOf(result.getString("petition_type")),
                            result.getString("category"), Channel.valueOf(result.getString("channel")),
                            result.getString("handling_unit"), result.getString("status"),
                            disposition == null ? null : Disposition.valueOf(disposition),
                            result.getBoolean("confidential") || result.getLong("hidden") > 0,
                            satisfaction == null ? null : Satisfaction.valueOf(satisfaction),
                            instant(result, "replied_at") != null, date(result, "next_due"),
                            result.getLong("people"), result.getLong("links") > 0, result.getLong("escalations") > 0,
                            aboveLevel(result.getString("jurisdiction").strip(), result.getString("received_by")),
                            Jdbc.enumValue(RedirectChannel.class, result.getString("redirect_channel")));
                    rows.put(row.id(), row);
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<Limit>> limits = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT d.petition_id, d.kind, d.due, d.met_at FROM deadline d" + deadlinesWhere
                        + " ORDER BY d.started_at")) {
            PetitionListing.bind(select, parameters);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    limits.computeIfAbsent(result.getString("petition_id"), id -> new ArrayList<>())
                            .add(new Limit(result.getString("kind").strip(), date(result, "due"),
                                    instant(result, "met_at")));
                }
            }
        }
        Map<String, List<Limit>> supervisions = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT s.petition_id, s.due, s.resolved_at FROM supervision s" + supervisionsWhere)) {
            PetitionListing.bind(select, parameters);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    supervisions.computeIfAbsent(result.getString("petition_id"), id -> new ArrayList<>())
                            .add(new Limit("SUPERVISION", date(result, "due"), instant(result, "resolved_at")));
                }
            }
        }
        List<Case> cases = new ArrayList<>(rows.size());
        for (Row row : rows.values()) {
            cases.add(counted(row, limits.getOrDefault(row.id(), List.of()),
                    supervisions.getOrDefault(row.id(), List.of())));
        }
        return cases;
    }

    private static Case counted(Row row, List<Limit> limits, List<Limit> supervisions) {
        Map<Dimension, String> values = new EnumMap<>(Dimension.class);
        values.put(Dimension.DIVISION, row.jurisdiction());
        values.put(Dimension.TYPE, row.type().name());
        values.put(Dimension.CATEGORY, row.category());
        values.put(Dimension.CHANNEL, row.channel().name());
        values.put(Dimension.UNIT, row.unit() == null ? "NONE" : row.unit());
        values.put(Dimension.STATUS, row.status());
        return new Case(row.id(), row.jurisdiction(), row.receivedAt().atZone(PlatformTime.ZONE).toLocalDate(), values,
                row.nextDue(), kept(row, limits, supervisions));
    }

    /** What one case adds to the kept counts: the definitions of docs/analysis.md. */
    private static Figures kept(Row row, List<Limit> limits, List<Limit> supervisions) {
        Map<Count, Long> counts = new EnumMap<>(Count.class);
        boolean groupVisit = row.channel() == Channel.VISIT && row.people() > GROUP_VISIT;
        counts.put(Count.REGISTERED, 1L);
        counts.put(Count.PEOPLE, row.people());
        counts.put(Count.GROUP_VISITS, groupVisit ? 1L : 0);
        counts.put(Count.GROUP_VISIT_PEOPLE, groupVisit ? row.people() : 0);
        counts.put(Count.ACCUSATIONS, row.type() == PetitionType.ACCUSATION ? 1L : 0);
        counts.put(Count.CONFIDENTIAL, row.confidential() || row.type() == PetitionType.ACCUSATION ? 1L : 0);
        counts.put(Count.REPEATS, row.repeat() ? 1L : 0);
        counts.put(Count.FILED_ABOVE_LEVEL, row.filedAboveLevel() ? 1L : 0);
        counts.put(Count.ACCEPTED, is(row, Disposition.ACCEPT));
        counts.put(Count.TRANSFERRED, is(row, Disposition.TRANSFER));
        counts.put(Count.ASSIGNED, is(row, Disposition.ASSIGN));
        counts.put(Count.REDIRECTED, is(row, Disposition.REDIRECT));
        counts.put(Count.NOT_ACCEPTED, is(row, Disposition.NOT_ACCEPT));
        boolean redirected = row.disposition() == Disposition.REDIRECT;
        counts.put(Count.REDIRECTED_TO_LITIGATION, redirected && row.redirectedTo() == RedirectChannel.LITIGATION ? 1L : 0);
        counts.put(Count.REDIRECTED_TO_DISCIPLINE_SUPERVISION,
                redirected && row.redirectedTo() == RedirectChannel.DISCIPLINE_SUPERVISION ? 1L : 0);
        counts.put(Count.REDIRECTED_TO_ARBITRATION, redirected && row.redirectedTo() == RedirectChannel.ARBITRATION ? 1L : 0);
        counts.put(Count.REDIRECTED_TO_ADMINISTRATIVE_RECONSIDERATION,
                redirected && row.redirectedTo() == RedirectChannel.ADMINISTRATIVE_RECONSIDERATION ? 1L : 0);
        // The last one met of a kind counts: a case re-routed after an objection was disposed again.
        Map<String, Limit> last = new HashMap<>();
        limits.stream().filter(limit -> limit.met() != null).forEach(limit -> last.put(limit.kind(), limit));
        java.util.Set<String> kinds = new java.util.HashSet<>();
        limits.forEach(limit -> kinds.add(limit.kind()));
        met(counts, last.get("DISPOSE"), Count.DISPOSED, Count.DISPOSED_ON_TIME);
        met(counts, last.get("HANDLE"), Count.HANDLED, Count.HANDLED_ON_TIME);
        counts.put(Count.REPLIED, row.replied() ? 1L : 0);
        boolean satisfied = row.satisfaction() == Satisfaction.SATISFIED
                || row.satisfaction() == Satisfaction.BASICALLY_SATISFIED;
        counts.put(Count.EVALUATED, row.satisfaction() == null ? 0L : 1);
        counts.put(Count.SATISFIED, satisfied ? 1L : 0);
        // A review's answer is due 30 days after the request (Art. 35): its limit stands for the request.
        counts.put(Count.REVIEWS, kinds.contains("ANSWER_REVIEW") ? 1L : 0);
        met(counts, last.get("ANSWER_REVIEW"), Count.REVIEWS_ANSWERED, Count.REVIEWS_ANSWERED_ON_TIME);
        counts.put(Count.RE_REVIEWS, kinds.contains("ANSWER_RE_REVIEW") ? 1L : 0);
        met(counts, last.get("ANSWER_RE_REVIEW"), Count.RE_REVIEWS_ANSWERED, Count.RE_REVIEWS_ANSWERED_ON_TIME);
        counts.put(Count.SUPERVISIONS, (long) supervisions.size());
        counts.put(Count.SUPERVISIONS_RESOLVED, supervisions.stream().filter(s -> s.met() != null).count());
        counts.put(Count.SUPERVISIONS_RESOLVED_ON_TIME, supervisions.stream().filter(Limit::metOnTime).count());
        counts.put(Count.ESCALATED, row.escalated() ? 1L : 0);
        return Figures.of(counts);
    }

    /** A county's matter (its place a county) received by a center above the county. */
    static boolean aboveLevel(String place, String receivedBy) {
        return place.length() == 6 && !place.endsWith("00") && receivedBy != null && receivedBy.strip().length() < 6;
    }

    private static void met(Map<Count, Long> counts, Limit limit, Count met, Count onTime) {
        counts.put(met, limit != null && limit.met() != null ? 1L : 0);
        counts.put(onTime, limit != null && limit.metOnTime() ? 1L : 0);
    }

    private static long is(Row row, Disposition disposition) {
        return row.disposition() == disposition ? 1 : 0;
    }

    /** Each case's figures added to the row of its value of the dimension; rows in the order of their keys. */
    static Map<String, Figures> tally(List<Case> cases, String prefix, Dimension by, LocalDate today,
                                      LocalDate dueSoonUntil) {
        Map<String, Figures> rows = new TreeMap<>();
        for (Case one : cases) {
            rows.merge(key(one.values().get(by), prefix, by), one.kept().plus(live(one.nextDue(), today, dueSoonUntil)),
                    Figures::plus);
        }
        return rows;
    }

    /** The row a dimension's value falls in: a place's child division of the jurisdiction, any other value itself. */
    static String key(String value, String prefix, Dimension by) {
        return by == Dimension.DIVISION ? childDivision(value, prefix) : value;
    }

    /** A province's cities, a city's (or a county's) counties. */
    static String childDivision(String place, String prefix) {
        return place.substring(0, Math.min(place.length(), prefix.length() >= 4 ? 6 : 4));
    }

    /**
     * What a case adds to the live counts today: overdue when its earliest pending limit of the office
     * ended before today, due soon when it ends from today to {@code dueSoonUntil}.
     */
    static Figures live(LocalDate nextDue, LocalDate today, LocalDate dueSoonUntil) {
        if (nextDue == null) {
            return Figures.ZERO;
        }
        if (nextDue.isBefore(today)) {
            return Figures.ZERO.with(Count.OVERDUE, 1);
        }
        return nextDue.isAfter(dueSoonUntil) ? Figures.ZERO : Figures.ZERO.with(Count.DUE_SOON, 1);
    }
}

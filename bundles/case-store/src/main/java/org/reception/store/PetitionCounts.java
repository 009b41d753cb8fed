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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.reception.cases.Channel;
import org.reception.cases.Disposition;
import org.reception.cases.PetitionType;
import org.reception.cases.PlatformTime;
import org.reception.cases.Satisfaction;
import org.reception.cases.spi.ListScope;
import org.reception.cases.statistics.Dimension;
import org.reception.cases.statistics.Figures;

/**
 * The statistics' counts, from the raw cases: one SQL query reads, for each case of the caller's
 * scope (the very conditions of {@link PetitionListing#scoped}) received in the period, the columns
 * the figures need (never a petitioner's personal data), a second the time limits it met; each case
 * then adds to the row of its dimension's value. No rollup table: see {@code docs/analysis.md}.
 */
final class PetitionCounts {

    /** A visit of more than this many petitioners is a group visit (Art. 20 asks it for representatives). */
    static final int GROUP_VISIT = 5;

    /** What the figures need of one case. */
    record Case(String id, String jurisdiction, PetitionType type, String category, Channel channel, String unit,
                String status, Disposition disposition, boolean confidential, Satisfaction satisfaction,
                boolean replied, LocalDate nextDue, long people, Met dispose, Met handle) {

        Case withMet(Met dispose, Met handle) {
            return new Case(id, jurisdiction, type, category, channel, unit, status, disposition, confidential,
                    satisfaction, replied, nextDue, people, dispose, handle);
        }
    }

    /** The last time limit of a kind a case met: its last day (CST) and when it was met. */
    record Met(LocalDate due, Instant at) {
        boolean onTime() {
            return !at.atZone(PlatformTime.ZONE).toLocalDate().isAfter(due);
        }
    }

    private PetitionCounts() {
    }

    static Map<String, Figures> figures(Connection connection, String prefix, Instant from, Instant to, Dimension by,
                                        ListScope scope, LocalDate today) throws SQLException {
        List<PetitionListing.Binder> parameters = new ArrayList<>();
        String where = " WHERE " + PetitionListing.scoped(scope, parameters)
                + " AND p.jurisdiction LIKE ? AND p.received_at >= ? AND p.received_at < ?";
        parameters.add((s, i) -> s.setString(i, prefix + "%"));
        parameters.add((s, i) -> setInstant(s, i, from));
        parameters.add((s, i) -> setInstant(s, i, to));

        Map<String, Case> cases = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT p.id, p.jurisdiction, p.petition_type, p.category, p.channel, p.handling_unit, p.status,"
                        + " p.disposition, p.confidential, p.satisfaction, p.replied_at, p.next_due,"
                        + " (SELECT COUNT(*) FROM petitioner pt WHERE pt.petition_id = p.id) AS people,"
                        + " (SELECT COUNT(*) FROM confidentiality_decision cd WHERE cd.petition_id = p.id"
                        + " AND cd.identity_hidden = TRUE) AS hidden FROM petition p" + where)) {
            PetitionListing.bind(select, parameters);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    PetitionType type = PetitionType.valueOf(rows.getString("petition_type"));
                    String disposition = rows.getString("disposition");
                    String satisfaction = rows.getString("satisfaction");
                    Case one = new Case(rows.getString("id"), rows.getString("jurisdiction").strip(), type,
                            rows.getString("category"), Channel.valueOf(rows.getString("channel")),
                            rows.getString("handling_unit"), rows.getString("status"),
                            disposition == null ? null : Disposition.valueOf(disposition),
                            rows.getBoolean("confidential") || rows.getLong("hidden") > 0,
                            satisfaction == null ? null : Satisfaction.valueOf(satisfaction),
                            instant(rows, "replied_at") != null, date(rows, "next_due"), rows.getLong("people"),
                            null, null);
                    cases.put(one.id(), one);
                }
            }
        }
        if (cases.isEmpty()) {
            return Map.of();
        }
        Map<String, Met> dispose = new HashMap<>();
        Map<String, Met> handle = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT d.petition_id, d.kind, d.started_at, d.due, d.met_at FROM deadline d JOIN petition p"
                        + " ON p.id = d.petition_id" + where
                        + " AND d.kind IN ('DISPOSE', 'HANDLE') AND d.met_at IS NOT NULL ORDER BY d.started_at")) {
            PetitionListing.bind(select, parameters);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Met met = new Met(date(rows, "due"), instant(rows, "met_at"));
                    // The last one met counts: a case re-routed after an objection was disposed again.
                    (rows.getString("kind").strip().equals("DISPOSE") ? dispose : handle)
                            .put(rows.getString("petition_id"), met);
                }
            }
        }
        List<Case> all = new ArrayList<>();
        for (Case one : cases.values()) {
            all.add(one.withMet(dispose.get(one.id()), handle.get(one.id())));
        }
        return tally(all, prefix, by, today);
    }

    /** Each case's contribution added to the row of its value of the dimension; rows in the order of their keys. */
    static Map<String, Figures> tally(List<Case> cases, String prefix, Dimension by, LocalDate today) {
        Map<String, Figures> rows = new TreeMap<>();
        for (Case one : cases) {
            rows.merge(key(one, prefix, by), figures(one, today), Figures::plus);
        }
        return rows;
    }

    static String key(Case one, String prefix, Dimension by) {
        return switch (by) {
            case DIVISION -> one.jurisdiction().substring(0, Math.min(one.jurisdiction().length(),
                    prefix.length() >= 4 ? 6 : 4));
            case TYPE -> one.type().name();
            case CATEGORY -> one.category();
            case CHANNEL -> one.channel().name();
            case UNIT -> one.unit() == null ? "NONE" : one.unit();
            case STATUS -> one.status();
        };
    }

    /** What one case adds to its row: the definitions of docs/analysis.md. */
    static Figures figures(Case one, LocalDate today) {
        boolean groupVisit = one.channel() == Channel.VISIT && one.people() > GROUP_VISIT;
        boolean satisfied = one.satisfaction() == Satisfaction.SATISFIED
                || one.satisfaction() == Satisfaction.BASICALLY_SATISFIED;
        return new Figures(1, one.people(), groupVisit ? 1 : 0, groupVisit ? one.people() : 0,
                one.type() == PetitionType.ACCUSATION ? 1 : 0,
                one.confidential() || one.type() == PetitionType.ACCUSATION ? 1 : 0,
                is(one, Disposition.ACCEPT), is(one, Disposition.TRANSFER), is(one, Disposition.ASSIGN),
                is(one, Disposition.REDIRECT), is(one, Disposition.NOT_ACCEPT),
                one.dispose() == null ? 0 : 1, one.dispose() != null && one.dispose().onTime() ? 1 : 0,
                one.handle() == null ? 0 : 1, one.handle() != null && one.handle().onTime() ? 1 : 0,
                one.nextDue() != null && one.nextDue().isBefore(today) ? 1 : 0,
                one.replied() ? 1 : 0, one.satisfaction() == null ? 0 : 1, satisfied ? 1 : 0);
    }

    private static long is(Case one, Disposition disposition) {
        return one.disposition() == disposition ? 1 : 0;
    }
}

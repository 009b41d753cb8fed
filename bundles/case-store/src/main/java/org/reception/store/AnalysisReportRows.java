package org.reception.store;

import static org.reception.store.Jdbc.date;
import static org.reception.store.Jdbc.instant;
import static org.reception.store.Jdbc.setInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.reception.cases.reports.ReportDocument;
import org.reception.cases.reports.ReportKind;
import org.reception.cases.reports.StoredReport;
import org.reception.cases.statistics.Period;

/** The analysis reports' table (V16): a report's facts and its PDF; and the schedule's own (V22). */
final class AnalysisReportRows {

    private static final String FACTS = "id, kind, jurisdiction, title, period_from, period_to, generated_at,"
            + " generated_by, bytes";

    private AnalysisReportRows() {
    }

    static StoredReport save(Connection connection, StoredReport report, byte[] pdf) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO analysis_report (kind, jurisdiction,"
                + " title, period_from, period_to, generated_at, generated_by, bytes, document)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, report.kind().name());
            insert.setString(2, report.jurisdiction());
            insert.setString(3, report.title());
            Jdbc.setDate(insert, 4, report.period().from());
            Jdbc.setDate(insert, 5, report.period().to());
            setInstant(insert, 6, report.generatedAt());
            insert.setString(7, report.generatedBy());
            insert.setLong(8, pdf.length);
            insert.setBytes(9, pdf);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new StoredReport(keys.getLong(1), report.kind(), report.jurisdiction(), report.title(),
                        report.period(), report.generatedAt(), report.generatedBy(), pdf.length);
            }
        }
    }

    /**
     * Records that the schedule kept {@code kept}, unless it kept one of the same kind, place and
     * period already. Two platforms recording the same at once: the second waits for the first's
     * row and then fails on its key; run again, it finds the row.
     *
     * @return whether this is the schedule's first report of its kind, place and period
     */
    static boolean scheduleOnce(Connection connection, StoredReport report) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM scheduled_report"
                + " WHERE kind = ? AND jurisdiction = ? AND period_from = ?")) {
            setScheduleKey(select, report);
            try (ResultSet count = select.executeQuery()) {
                count.next();
                return count.getLong(1) == 0;
            }
        }
    }

    /** The schedule's row of a report just kept ({@link #scheduleOnce}). */
    static void scheduled(Connection connection, StoredReport kept) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO scheduled_report (kind, jurisdiction,"
                + " period_from, report_id) VALUES (?, ?, ?, ?)")) {
            setScheduleKey(insert, kept);
            insert.setLong(4, kept.id());
            insert.executeUpdate();
        }
    }

    /** The schedule's key of a report, its kind, place and period, as parameters 1 to 3. */
    private static void setScheduleKey(PreparedStatement statement, StoredReport report) throws SQLException {
        statement.setString(1, report.kind().name());
        statement.setString(2, report.jurisdiction());
        Jdbc.setDate(statement, 3, report.period().from());
    }

    static List<StoredReport> reports(Connection connection, String prefix, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + FACTS + " FROM analysis_report"
                + " WHERE jurisdiction LIKE ? ORDER BY period_from DESC, id DESC FETCH FIRST ? ROWS ONLY")) {
            select.setString(1, prefix + "%");
            select.setInt(2, limit);
            return read(select);
        }
    }

    static Optional<StoredReport> latest(Connection connection, ReportKind kind, String jurisdiction, LocalDate from)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + FACTS + " FROM analysis_report"
                + " WHERE kind = ? AND jurisdiction = ? AND period_from = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")) {
            select.setString(1, kind.name());
            select.setString(2, jurisdiction);
            Jdbc.setDate(select, 3, from);
            return read(select).stream().findFirst();
        }
    }

    static Optional<ReportDocument> document(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + FACTS + ", document FROM analysis_report"
                + " WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new ReportDocument(report(rows), rows.getBytes("document")))
                        : Optional.empty();
            }
        }
    }

    private static List<StoredReport> read(PreparedStatement select) throws SQLException {
        List<StoredReport> reports = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                reports.add(report(rows));
            }
        }
        return reports;
    }

    private static StoredReport report(ResultSet rows) throws SQLException {
        return new StoredReport(rows.getLong("id"), ReportKind.valueOf(rows.getString("kind")),
                rows.getString("jurisdiction"), rows.getString("title"),
                new Period(date(rows, "period_from"), date(rows, "period_to")), instant(rows, "generated_at"),
                rows.getString("generated_by"), rows.getLong("bytes"));
    }
}

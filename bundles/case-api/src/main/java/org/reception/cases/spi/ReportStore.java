package org.reception.cases.spi;

import java.util.List;
import java.util.Optional;

import org.reception.cases.reports.ReportDocument;
import org.reception.cases.reports.ReportKind;
import org.reception.cases.reports.StoredReport;

/** Keeps the analysis reports with their documents; implemented by the store. */
public interface ReportStore {

    /** Keeps a report (its id is given by the store) and answers it with its id. */
    StoredReport save(StoredReport report, byte[] pdf);

    /**
     * Keeps a report the schedule wrote, unless the schedule's report of the same kind, jurisdiction
     * and period is kept already, by this platform or by another on the same database.
     *
     * @return the report with its id; empty when the schedule's report was kept already, and this
     * one is not
     */
    Optional<StoredReport> saveScheduled(StoredReport report, byte[] pdf);

    /** The reports of jurisdictions starting with the prefix, newest first, at most {@code limit}. */
    List<StoredReport> reports(String jurisdictionPrefix, int limit);

    /** The report of a kind, jurisdiction and period last generated, if any. */
    Optional<StoredReport> latest(ReportKind kind, String jurisdiction, java.time.LocalDate periodFrom);

    Optional<ReportDocument> document(long id);
}

package org.reception.cases.reports;

import java.util.List;

import org.reception.cases.access.Caller;

/**
 * The periodic analysis reports. A report counts every case of its jurisdiction, so it is read and
 * asked for only by those who oversee the whole jurisdiction and from whom no case of it is kept:
 * supervisors of it or above, auditors and administrators, none holding a handling unit's role.
 */
public interface AnalysisReports {

    /**
     * Writes the report of a jurisdiction's month, quarter or year and keeps it.
     *
     * @throws org.reception.cases.PetitionRejected naming the field, for an unknown division or a period not yet begun
     * @throws org.reception.cases.Forbidden for a caller who may not read it
     */
    StoredReport generate(Caller caller, ReportKind kind, String jurisdiction, java.time.LocalDate date);

    /** The reports the caller may read, newest first, at most {@code limit}. */
    List<StoredReport> list(Caller caller, String jurisdiction, int limit);

    /** One report with its document; empty when there is none of that id the caller may read. */
    java.util.Optional<ReportDocument> document(Caller caller, long id);
}

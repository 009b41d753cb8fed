package org.reception.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.reception.cases.PetitionRejected;
import org.reception.cases.Problem;
import org.reception.cases.Violation;
import org.reception.cases.reports.AnalysisReports;
import org.reception.cases.reports.ReportDocument;
import org.reception.cases.reports.ReportKind;
import org.reception.cases.reports.StoredReport;

/** Writes a period's analysis report (信访形势分析报告), or lists the kept ones. */
@Service
@Command(scope = "reception", name = "report",
        description = "Write the analysis report of a month, quarter or year (docs/analysis.md), or list the kept ones")
public class ReportCommand implements Action {

    @Option(name = "--jurisdiction", description = "a province, city or county code (2, 4 or 6 digits)")
    String jurisdiction = "52";

    @Option(name = "--period", description = "month, quarter or year (with --date); without it, the kept reports are listed")
    String period;

    @Option(name = "--date", description = "a day of the period, e.g. 2026-03-01")
    String date;

    @Option(name = "--file", description = "also save the PDF to this file")
    String file;

    @Reference(optional = true)
    AnalysisReports reports;

    @Reference
    Session session;

    @Override
    public Object execute() throws IOException {
        var out = session.getConsole();
        AnalysisReports service = Running.required(reports);
        if (period == null) {
            for (StoredReport report : service.list(ShellCaller.current(), jurisdiction, 50)) {
                out.println(report.id() + "  " + report.title() + "  " + report.generatedAt() + "  " + report.generatedBy()
                        + "  " + report.bytes() + " bytes");
            }
            return null;
        }
        ReportKind kind = ReportKind.named(period).orElseThrow(() -> new PetitionRejected(Problem.MALFORMED_REQUEST,
                List.of(new Violation("period", "must be month, quarter or year"))));
        LocalDate day;
        try {
            day = LocalDate.parse(date == null ? "" : date.strip());
        } catch (DateTimeParseException e) {
            throw new PetitionRejected(Problem.MALFORMED_REQUEST,
                    List.of(new Violation("date", "must be a date such as 2026-03-01")));
        }
        StoredReport written = service.generate(ShellCaller.current(), kind, jurisdiction, day);
        out.println("Wrote report " + written.id() + ": " + written.title() + " (" + written.bytes() + " bytes)");
        if (file != null) {
            ReportDocument document = service.document(ShellCaller.current(), written.id()).orElseThrow();
            Files.write(Path.of(file), document.pdf());
            out.println("Saved to " + file);
        }
        return null;
    }
}

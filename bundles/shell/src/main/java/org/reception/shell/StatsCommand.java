package org.reception.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.reception.cases.PetitionRejected;
import org.reception.cases.Problem;
import org.reception.cases.Violation;
import org.reception.cases.statistics.Dimension;
import org.reception.cases.statistics.Figures;
import org.reception.cases.statistics.Period;
import org.reception.cases.statistics.PetitionStatistics;
import org.reception.cases.statistics.Statistics;
import org.reception.cases.statistics.StatisticsQuery;
import org.reception.cases.statistics.StatisticsRow;

/** The statistics of a jurisdiction as a table, counted over the cases the shell's account may read. */
@Service
@Command(scope = "reception", name = "stats",
        description = "Figures of the cases of a jurisdiction received in a period, by one dimension (docs/analysis.md)")
public class StatsCommand implements Action {

    @Option(name = "--jurisdiction", description = "a province, city or county code (2, 4 or 6 digits)", required = true)
    String jurisdiction;

    @Option(name = "--from", description = "the first day, e.g. 2026-01-01 (with --to)")
    String from;

    @Option(name = "--to", description = "the last day, included")
    String to;

    @Option(name = "--period", description = "instead of --from/--to: day, week, month, quarter or year (with --date)")
    String period;

    @Option(name = "--date", description = "with --period: a day of it")
    String date;

    @Option(name = "--by", description = "division (default), type, category, channel, unit or status")
    String by = "division";

    @Reference(optional = true)
    PetitionStatistics statistics;

    @Reference
    Session session;

    @Override
    public Object execute() {
        var out = session.getConsole();
        List<Violation> violations = new ArrayList<>();
        Dimension dimension = Dimension.named(by).orElse(null);
        if (dimension == null) {
            violations.add(new Violation("by", "must be one of division, type, category, channel, unit, status"));
        }
        Period asked = Period.parse(from, to, period, date, violations);
        if (!violations.isEmpty()) {
            throw new PetitionRejected(Problem.MALFORMED_REQUEST, violations);
        }
        Statistics answer = Running.required(statistics).statistics(ShellCaller.current(),
                new StatisticsQuery(jurisdiction, asked, dimension));
        out.println(answer.jurisdiction() + " " + answer.name() + ", received " + answer.period().from() + " to "
                + answer.period().to() + ", as of " + answer.asOf() + "; by " + answer.by().parameter());
        ShellTable table = new ShellTable();
        table.column(answer.by().parameter());
        table.column("label");
        Figures.NAMES.forEach(name -> table.column(name).alignRight());
        for (StatisticsRow row : answer.rows()) {
            add(table, row.key(), row.label(), row.shown(answer.minimumCell()));
        }
        add(table, "TOTAL", "", new java.util.LinkedHashMap<>(answer.total().byName()));
        add(table, "PREVIOUS", answer.previousPeriod().from() + "/" + answer.previousPeriod().to(),
                new java.util.LinkedHashMap<>(answer.previousTotal().byName()));
        add(table, "LAST_YEAR", answer.lastYearPeriod().from() + "/" + answer.lastYearPeriod().to(),
                new java.util.LinkedHashMap<>(answer.lastYearTotal().byName()));
        table.print(out);
        if (!answer.escalations().isEmpty()) {
            out.println("Escalations raised in the period:");
            ShellTable escalations = new ShellTable();
            escalations.column("trigger");
            escalations.column("level");
            escalations.column("count").alignRight();
            answer.escalations().forEach(escalation -> escalations.addRow().addContent(escalation.trigger(),
                    escalation.level(), escalation.count()));
            escalations.print(out);
        }
        return null;
    }

    private static void add(ShellTable table, String key, String label, Map<String, ?> figures) {
        List<Object> cells = new ArrayList<>(List.of(key, label == null ? "" : label));
        figures.values().forEach(value -> cells.add(value == null ? "-" : value));
        table.addRow().addContent(cells);
    }
}

package org.reception.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.reception.cases.statistics.PetitionStatistics;
import org.reception.cases.statistics.RollupCheck;

/** The statistics' rollup checked against the cases, or counted anew (administrators). */
@Service
@Command(scope = "reception", name = "stats-rollup",
        description = "Check the statistics' rollup against every case (slow on a large database), or count it anew")
public class StatsRollupCommand implements Action {

    @Option(name = "--recount", description = "count every case anew into the rollup, in the background")
    boolean recount;

    @Reference(optional = true)
    PetitionStatistics statistics;

    @Reference
    Session session;

    @Override
    public Object execute() {
        var out = session.getConsole();
        PetitionStatistics service = Running.required(statistics);
        if (recount) {
            service.recountRollup(ShellCaller.current());
            out.println("Counting every case anew; the figures are counted from the cases until it is done.");
            return null;
        }
        RollupCheck check = service.checkRollup(ShellCaller.current());
        out.println(check.cases() + " cases counted, " + check.cells() + " cells, " + check.pending()
                + " changes were waiting to be counted");
        if (check.exact()) {
            out.println("The rollup equals the cases.");
        } else {
            out.println("The rollup differs from the cases (count it anew with --recount):");
            check.differences().forEach(difference -> out.println("  " + difference));
        }
        return null;
    }
}

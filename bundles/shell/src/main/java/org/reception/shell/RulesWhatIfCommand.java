package org.reception.shell;

import java.io.InputStream;
import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.reception.rules.admin.RuleModuleInvalid;
import org.reception.rules.admin.RuleTrials;
import org.reception.rules.admin.WhatIfReport;

/** Tries a candidate module on the latest cases of its jurisdiction; activates nothing. */
@Service
@Command(scope = "rules", name = "what-if",
        description = "Runs a candidate rule module jar against the latest stored cases and lists the decisions it would change")
public class RulesWhatIfCommand implements Action {

    @Argument(index = 0, name = "jar", description = "path or URL of the candidate module's jar", required = true)
    String jar;

    @Option(name = "--cases", description = "how many of the latest cases to examine (1 to 1000)")
    int cases = 100;

    @Reference(optional = true)
    RuleTrials trials;

    @Reference
    Session session;

    @Override
    public Object execute() throws Exception {
        PrintStream out = session.getConsole();
        WhatIfReport report;
        try (InputStream in = RulesDeployCommand.open(jar)) {
            report = Running.required(trials).whatIf(ShellCaller.current(), in, cases);
        } catch (RuleModuleInvalid | IllegalArgumentException e) {
            out.println("Refused: " + e.getMessage());
            return null;
        }
        out.println("Candidate " + report.candidate().id() + " " + report.candidate().version() + " for "
                + report.candidate().jurisdiction() + " against " + (report.serving() == null ? "no module"
                        : report.serving().id() + " " + report.serving().version()) + ": " + report.examined()
                + " case(s) examined, " + report.changes().size() + " would change");
        for (WhatIfReport.Change change : report.changes()) {
            out.println("  " + change.registrationNumber());
            change.differences().forEach(difference -> out.println("    " + difference));
        }
        for (WhatIfReport.Shift shift : report.shifts()) {
            out.println("  " + shift.cases() + " case(s) you may not read: " + shift.what() + " " + shift.before()
                    + " -> " + shift.after());
        }
        if (report.suppressed() > 0) {
            out.println("  " + report.suppressed() + " more case(s) you may not read would change, in groups of fewer"
                    + " than " + WhatIfReport.SMALLEST_SHIFT + ": not shown");
        }
        return null;
    }
}

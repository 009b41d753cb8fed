package org.reception.shell;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.reception.rules.admin.ModuleTestReport;

/** Runs the test cases a module carries against its serving version. */
@Service
@Command(scope = "rules", name = "test", description = "Runs a rule module's own test cases")
public class RulesTestCommand extends RuleModuleAction {

    @Override
    public Object execute() {
        PrintStream out = session.getConsole();
        ModuleTestReport report = Running.required(rules).test(module).orElse(null);
        if (report == null) {
            out.println("No rule module " + module + " serves");
            return null;
        }
        for (ModuleTestReport.Result result : report.results()) {
            out.println((result.passed() ? "PASS " : "FAIL ") + result.testCase());
            result.failures().forEach(failure -> out.println("     " + failure));
        }
        long failed = report.results().stream().filter(result -> !result.passed()).count();
        out.println(report.moduleId() + " " + report.version() + ": " + report.results().size() + " test case(s), "
                + failed + " failed");
        return null;
    }
}

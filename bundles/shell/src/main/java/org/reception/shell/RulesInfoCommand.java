package org.reception.shell;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.reception.rules.admin.RuleModuleDetail;
import org.reception.rules.admin.RuleModuleInfo;
import org.reception.rules.admin.RuleModuleRejection;

/** One module: the version serving, the versions kept for a rollback, its rules and test cases, its rejections. */
@Service
@Command(scope = "rules", name = "info", description = "Shows a rule module: versions, rules, test cases, rejections")
public class RulesInfoCommand extends RuleModuleAction {

    @Override
    public Object execute() {
        PrintStream out = session.getConsole();
        RuleModuleDetail detail = Running.required(rules).module(module).orElse(null);
        if (detail == null) {
            out.println("No rule module " + module + " is known");
            return null;
        }
        RuleModuleInfo active = detail.active();
        if (active == null) {
            out.println("Module " + module + ": no version serves now");
        } else {
            out.println(active.id() + " " + active.version() + " for " + active.jurisdiction() + ", " + active.state()
                    + " since " + active.activatedAt() + ", from " + active.origin());
            out.println("  " + detail.evaluations() + " evaluation(s), " + detail.runaways() + " broken off");
        }
        for (RuleModuleInfo kept : detail.kept()) {
            out.println("  kept for rollback: " + kept.version() + " from " + kept.origin());
        }
        out.println("  rules (" + detail.ruleNames().size() + "):");
        detail.ruleNames().forEach(rule -> out.println("    " + rule));
        out.println("  test cases (" + detail.testCases().size() + "):");
        detail.testCases().forEach(test -> out.println("    " + test));
        for (RuleModuleRejection rejection : detail.rejections()) {
            out.println("  refused " + rejection.id() + " " + rejection.version() + " at " + rejection.rejectedAt()
                    + " from " + rejection.origin() + ":");
            rejection.errors().forEach(error -> out.println("    " + error));
        }
        return null;
    }
}

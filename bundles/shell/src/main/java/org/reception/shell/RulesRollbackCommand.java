package org.reception.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.reception.rules.admin.RuleModuleInfo;

/** Brings back the version a jurisdiction's module replaced last. */
@Service
@Command(scope = "rules", name = "rollback", description = "Serves the version a rule module replaced last, in its place")
public class RulesRollbackCommand extends RuleModuleAction {

    @Override
    public Object execute() {
        try {
            RuleModuleInfo now = Running.required(rules).rollback(module);
            session.getConsole().println("Rolled back: " + now.id() + " " + now.version() + " decides for "
                    + now.jurisdiction());
        } catch (IllegalStateException e) {
            session.getConsole().println("Nothing to roll back: " + e.getMessage());
        }
        return null;
    }
}

package org.reception.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.reception.rules.admin.RuleAdministration;
import org.reception.rules.admin.RuleModuleInfo;

/** The rule modules serving now, one line per jurisdiction. */
@Service
@Command(scope = "rules", name = "list", description = "Lists the rule modules that decide now, by jurisdiction")
public class RulesListCommand implements Action {

    @Reference(optional = true)
    RuleAdministration rules;

    @Reference
    Session session;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Jurisdiction");
        table.column("Module");
        table.column("Version");
        table.column("State");
        table.column("Rules");
        table.column("Since");
        table.column("Origin");
        for (RuleModuleInfo module : Running.required(rules).activeModules()) {
            table.addRow().addContent(module.jurisdiction(), module.id(), module.version(), module.state(),
                    module.ruleCount(), module.activatedAt(), module.origin());
        }
        table.print(session.getConsole());
        return null;
    }
}

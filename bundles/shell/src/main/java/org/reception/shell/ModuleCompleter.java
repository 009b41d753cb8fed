package org.reception.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.reception.rules.admin.RuleAdministration;

/** Completes the ids and jurisdictions of the modules that serve. */
@Service
public class ModuleCompleter implements Completer {

    @Reference(optional = true)
    RuleAdministration rules;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter strings = new StringsCompleter();
        if (rules == null) {
            return -1;
        }
        rules.activeModules().forEach(module -> {
            strings.getStrings().add(module.id());
            strings.getStrings().add(module.jurisdiction());
        });
        return strings.complete(session, commandLine, candidates);
    }
}

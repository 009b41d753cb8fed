package org.reception.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.reception.rules.admin.RuleAdministration;

/** A {@code rules:*} command about one module, named by its id or its jurisdiction code. */
abstract class RuleModuleAction implements Action {

    @Argument(index = 0, name = "module", description = "the module's id or its jurisdiction code", required = true)
    @Completion(ModuleCompleter.class)
    String module;

    @Reference(optional = true)
    RuleAdministration rules;

    @Reference
    Session session;
}

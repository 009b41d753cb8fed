package org.reception.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.reception.cases.AuditVerification;
import org.reception.cases.PetitionService;

/** Walks the whole audit chain and says whether any entry was changed, removed or lost. */
@Service
@Command(scope = "reception", name = "audit-verify",
        description = "Verifies the hash chain of the audit log from its first entry to its last")
public class AuditVerifyCommand implements Action {

    @Reference(optional = true)
    PetitionService petitions;

    @Reference
    Session session;

    @Override
    public Object execute() {
        AuditVerification result = Running.required(petitions).verifyAudit(ShellCaller.current());
        if (result.intact()) {
            session.getConsole().println("Audit chain intact: " + result.entries() + " entries");
        } else {
            session.getConsole().println("Audit chain BROKEN at entry " + result.firstBroken() + ": " + result.problem());
        }
        return null;
    }
}

package org.reception.shell;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.reception.cases.AuditEntry;
import org.reception.cases.Deadline;
import org.reception.cases.Petition;
import org.reception.cases.PetitionService;
import org.reception.cases.UnknownPetition;
import org.reception.cases.access.Caller;
import org.reception.cases.access.Role;

/** A petition's state, deadlines and audit trail, for an operator; no petitioner's personal data. */
@Service
@Command(scope = "reception", name = "petition", description = "Shows a petition's state, deadlines and audit trail")
public class PetitionShowCommand implements Action {

    @Argument(index = 0, name = "id", description = "the petition's id", required = true)
    String id;

    @Reference(optional = true)
    PetitionService petitions;

    @Reference
    Session session;

    @Override
    public Object execute() {
        var out = session.getConsole();
        Caller caller = ShellCaller.current();
        Petition petition = Running.required(petitions).find(caller, id).orElse(null);
        List<AuditEntry> trail = trail(caller);
        if (petition == null && trail.isEmpty()) {
            out.println("No petition with id " + id);
            return null;
        }
        if (petition == null) {
            // An auditor reads the trail of any case, not the case.
            printTrail(out, trail);
            return null;
        }
        out.println(petition.registrationNumber() + "  " + petition.status() + "  version " + petition.version());
        out.println("  " + petition.type() + " / " + petition.category() + " in " + petition.jurisdiction()
                + ", received " + petition.receivedAt());
        out.println("  routed to " + petition.routing().unitCode() + " by " + petition.routing().provenance().moduleId()
                + " " + petition.routing().provenance().moduleVersion());
        out.println("  handling unit " + (petition.handling().unit() == null ? "-" : petition.handling().unit()));
        for (Deadline deadline : petition.deadlines()) {
            out.println("  deadline " + deadline.kind() + " due " + deadline.due()
                    + (deadline.isPending() ? " (pending)" : " met " + deadline.metAt()));
        }
        printTrail(out, trail);
        return null;
    }

    /** The audit trail, for the auditors and the case's supervisors; empty for everybody else. */
    private List<AuditEntry> trail(Caller caller) {
        if (!caller.has(Role.AUDITOR) && !caller.has(Role.SUPERVISOR)) {
            return List.of();
        }
        try {
            return Running.required(petitions).audit(caller, id);
        } catch (UnknownPetition notTheirs) {
            return List.of();
        }
    }

    private static void printTrail(PrintStream out, List<AuditEntry> trail) {
        for (AuditEntry entry : trail) {
            out.println("  #" + entry.seq() + " " + entry.at() + " " + entry.action() + " by " + entry.actor() + ": "
                    + entry.detail());
        }
    }
}

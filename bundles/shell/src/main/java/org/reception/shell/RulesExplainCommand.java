package org.reception.shell;

import java.io.PrintStream;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.reception.cases.CaseDecisions;
import org.reception.cases.ConfidentialityDecision;
import org.reception.cases.EscalationDecision;
import org.reception.cases.PetitionService;
import org.reception.cases.RoutingDecision;
import org.reception.cases.RuleProvenance;
import org.reception.rules.admin.RuleAdministration;
import org.reception.rules.admin.RuleModuleInfo;

/** Why a petition was routed, restricted and escalated as it was: each decision with its module, version and rules. */
@Service
@Command(scope = "rules", name = "explain", description = "Explains the rule decisions taken for a petition")
public class RulesExplainCommand implements Action {

    @Argument(index = 0, name = "petition", description = "the petition's id or registration number", required = true)
    String petition;

    @Reference(optional = true)
    PetitionService petitions;

    @Reference(optional = true)
    RuleAdministration rules;

    @Reference
    Session session;

    @Override
    public Object execute() {
        PrintStream out = session.getConsole();
        CaseDecisions found = Running.required(petitions).decisions(ShellCaller.current(), petition).orElse(null);
        if (found == null) {
            out.println("No petition " + petition);
            return null;
        }
        Map<String, String> serving = Running.required(rules).activeModules().stream()
                .collect(Collectors.toMap(RuleModuleInfo::id, RuleModuleInfo::version));
        RoutingDecision routing = found.routing();
        out.println(found.registrationNumber() + " (" + found.jurisdiction() + "), decided " + routing.decidedAt());
        out.println("Routing: " + routing.disposition() + " to " + routing.unitCode() + " " + routing.unitName()
                + (routing.coUnits().isEmpty() ? "" : " with " + routing.coUnits()) + ", priority " + routing.priority());
        out.println("  because " + routing.reason());
        print(out, routing.provenance(), serving);
        ConfidentialityDecision confidentiality = found.confidentiality();
        if (!confidentiality.restricts()) {
            out.println("Confidentiality: no rule restricted this case");
        } else {
            out.println("Confidentiality: identity " + (confidentiality.identityHidden() ? "hidden" : "shown")
                    + (confidentiality.hiddenFrom().isEmpty() ? "" : ", never shown to " + confidentiality.hiddenFrom().size()
                            + " named unit(s)/person(s)")
                    + (confidentiality.redacted().isEmpty() ? "" : ", redacts " + confidentiality.redacted())
                    + (confidentiality.readers().isEmpty() ? "" : ", readable only by " + confidentiality.readers()));
            confidentiality.reasons().forEach(reason -> out.println("  because " + reason));
            confidentiality.provenance().forEach(p -> print(out, p, serving));
        }
        if (found.escalations().isEmpty()) {
            out.println("Escalations: none");
        }
        for (EscalationDecision escalation : found.escalations()) {
            out.println("Escalation: " + escalation.trigger() + " to " + escalation.level() + ", " + escalation.urgency()
                    + ", report by " + escalation.reportBy());
            out.println("  because " + escalation.reason());
            print(out, escalation.provenance(), serving);
        }
        return null;
    }

    private static void print(PrintStream out, RuleProvenance provenance, Map<String, String> serving) {
        String now = serving.get(provenance.moduleId());
        out.println("  by " + provenance.moduleId() + " " + provenance.moduleVersion() + " (" + provenance.jurisdiction()
                + ")" + (provenance.moduleVersion().equals(now) ? ", still serving"
                        : now == null ? ", no longer serving" : ", since replaced by " + now)
                + "; rules fired: " + provenance.rulesFired());
    }
}

package org.reception.core;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.reception.cases.divisions.Units;
import org.reception.cases.ConfidentialityDecision;
import org.reception.cases.EscalationDecision;
import org.reception.cases.Page;
import org.reception.cases.Petition;
import org.reception.cases.PetitionQuery;
import org.reception.cases.PetitionSummary;
import org.reception.cases.PlatformTime;
import org.reception.cases.RoutingDecision;
import org.reception.cases.RuleDecisions;
import org.reception.cases.access.Caller;
import org.reception.cases.access.Jurisdictions;
import org.reception.cases.spi.ListScope;
import org.reception.cases.spi.PetitionRepository;
import org.reception.rules.admin.RuleAdministration;
import org.reception.rules.admin.RuleCandidate;
import org.reception.rules.admin.RuleModuleInfo;
import org.reception.rules.admin.RuleTrials;
import org.reception.rules.admin.WhatIfReport;

/** What-if: a candidate module against the latest stored cases of its jurisdiction, before activation. */
@Component(service = RuleTrials.class)
public final class RuleWhatIf implements RuleTrials {

    private final PetitionRepository repository;
    private final RuleAdministration administration;
    private final PlatformTime clock;

    @Activate
    public RuleWhatIf(@Reference PetitionRepository repository, @Reference RuleAdministration administration,
                      @Reference PlatformTime clock) {
        this.repository = repository;
        this.administration = administration;
        this.clock = clock;
    }

    @Override
    public WhatIfReport whatIf(Caller caller, InputStream moduleJar, int cases) throws IOException {
        if (cases < 1 || cases > MAX_CASES) {
            throw new IllegalArgumentException("cases must be between 1 and " + MAX_CASES + ", not " + cases);
        }
        RuleCandidate candidate = administration.candidate(moduleJar);
        RuleModuleInfo module = candidate.module();
        Instant now = clock.now();
        LocalDate today = clock.today();
        List<WhatIfReport.Change> changes = new ArrayList<>();
        Map<WhatIfReport.Shift, Integer> shifts = new LinkedHashMap<>();
        int examined = 0;
        int size = Math.min(PetitionQuery.MAX_SIZE, cases);
        // The candidate is tried on the cases of its own place; what it decides is reported, not their content.
        ListScope jurisdiction = new ListScope(Set.of(Jurisdictions.prefix(module.jurisdiction())), Set.of(), Set.of());
        for (int page = 0; examined < cases; page++) {
            Page<PetitionSummary> latest = repository.list(new PetitionQuery(null, null, null, false,
                    null, null, null, null, null, null, page, size), jurisdiction, today);
            for (PetitionSummary summary : latest.items()) {
                if (examined == cases) {
                    break;
                }
                Optional<Petition> found = repository.findById(summary.id());
                // A case kept from one of the caller's units is never put to a candidate the caller wrote:
                // not even its count is reported, the next case takes its place.
                if (found.isEmpty() || CaseAccess.hiddenFrom(caller, found.get())) {
                    continue;
                }
                Petition petition = found.get();
                examined++;
                Decisions decisions = decide(candidate, petition, now, today);
                if (CaseAccess.visible(caller, petition)) {
                    compare(petition, decisions).ifPresent(changes::add);
                } else {
                    shifts(decisions).forEach(shift -> shifts.merge(shift, 1, Integer::sum));
                }
            }
            if (latest.items().size() < size) {
                break;
            }
        }
        List<WhatIfReport.Shift> reported = new ArrayList<>();
        int suppressed = 0;
        for (Map.Entry<WhatIfReport.Shift, Integer> shift : shifts.entrySet()) {
            WhatIfReport.Shift counted = shift.getKey();
            if (shift.getValue() >= WhatIfReport.SMALLEST_SHIFT) {
                reported.add(new WhatIfReport.Shift(counted.what(), counted.before(), counted.after(), shift.getValue()));
            } else {
                suppressed += shift.getValue();
            }
        }
        RuleModuleInfo serving = administration.activeModules().stream()
                .filter(active -> active.jurisdiction().equals(module.jurisdiction())).findFirst().orElse(null);
        return new WhatIfReport(module, serving, examined, changes, reported, suppressed);
    }

    private record Decisions(RuleDecisions before, RuleDecisions after) {
    }

    private Decisions decide(RuleCandidate candidate, Petition petition, Instant now, LocalDate today) {
        // The earlier petitions on its matter were linked to it when it was registered.
        int earlier = petition.linkedPetitions().size();
        var fact = PetitionFacts.of(petition, now, today, earlier);
        return new Decisions(candidate.decideAsServing(fact, now), candidate.decideWithCandidate(fact, now));
    }

    /** A case the caller may read: what changes, as it reads the case. */
    private static Optional<WhatIfReport.Change> compare(Petition petition, Decisions decisions) {
        RuleDecisions before = decisions.before();
        RuleDecisions after = decisions.after();
        List<String> differences = new ArrayList<>();
        difference("routing", routing(before.routing()), routing(after.routing()), differences);
        difference("confidentiality", confidentiality(before.confidentiality()),
                confidentiality(after.confidentiality()), differences);
        difference("escalations", escalations(before.escalations()), escalations(after.escalations()), differences);
        return differences.isEmpty() ? Optional.empty()
                : Optional.of(new WhatIfReport.Change(petition.registrationNumber(), differences));
    }

    /**
     * A case the caller may not read: only which way its decisions would move, in words the
     * platform chose (a disposition, a known unit), never text the candidate made up.
     */
    private static List<WhatIfReport.Shift> shifts(Decisions decisions) {
        RuleDecisions before = decisions.before();
        RuleDecisions after = decisions.after();
        List<WhatIfReport.Shift> moved = new ArrayList<>();
        String from = outcome(before.routing());
        String to = outcome(after.routing());
        if (!from.equals(to)) {
            moved.add(new WhatIfReport.Shift("routing", from, to, 1));
        }
        String hiddenBefore = before.confidentiality().restricts() ? "restricted" : "none";
        String hiddenAfter = after.confidentiality().restricts() ? "restricted" : "none";
        if (!hiddenBefore.equals(hiddenAfter)) {
            moved.add(new WhatIfReport.Shift("confidentiality", hiddenBefore, hiddenAfter, 1));
        }
        if (before.escalations().size() != after.escalations().size()) {
            moved.add(new WhatIfReport.Shift("escalations", before.escalations().size() + " escalation(s)",
                    after.escalations().size() + " escalation(s)", 1));
        }
        return moved;
    }

    /** A disposition and the unit, if it is a unit the platform knows; the candidate's own words are not repeated. */
    private static String outcome(RoutingDecision routing) {
        String unit = routing.unitCode();
        boolean known;
        try {
            known = unit != null && Units.name(unit).isPresent();
        } catch (RuntimeException malformed) {
            known = false;
        }
        return routing.disposition() + " " + (known ? unit : "an unknown unit");
    }

    private static void difference(String what, String before, String after, List<String> differences) {
        if (!Objects.equals(before, after)) {
            differences.add(what + ": " + before + " -> " + after);
        }
    }

    private static String routing(RoutingDecision routing) {
        return routing.disposition() + " " + routing.unitCode()
                + (routing.coUnits().isEmpty() ? "" : " with " + String.join(",", routing.coUnits()))
                + " " + routing.priority();
    }

    /** Whom a case is hidden from is case content (the accused): a rule administrator learns how many, not who. */
    private static String confidentiality(ConfidentialityDecision decision) {
        if (!decision.restricts()) {
            return "none";
        }
        return (decision.identityHidden() ? "identity hidden" : "identity shown")
                + (decision.hiddenFrom().isEmpty() ? "" : ", hidden from " + decision.hiddenFrom().size() + " party(ies)")
                + (decision.redacted().isEmpty() ? "" : ", redacts " + new java.util.TreeSet<>(decision.redacted()))
                + (decision.readers().isEmpty() ? "" : ", readers " + new java.util.TreeSet<>(decision.readers()));
    }

    private static String escalations(List<EscalationDecision> escalations) {
        if (escalations.isEmpty()) {
            return "none";
        }
        return escalations.stream().map(e -> e.trigger() + " to " + e.level() + " " + e.urgency() + " "
                + e.reportWithinHours() + "h").sorted().toList().toString();
    }
}

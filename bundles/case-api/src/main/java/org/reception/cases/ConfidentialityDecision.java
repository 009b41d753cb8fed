package org.reception.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The confidentiality of a case as the rules decided it, all layers combined to the strictest.
 *
 * @param identityHidden the petitioners' identity is kept from every reader who does not need it
 * @param hiddenFrom units (codes or names) and persons who must never see the case
 * @param redacted the fields withheld from readers outside the circle
 * @param readers if not empty, the only units (besides the reception center and supervisors) that may read it
 * @param reasons why, one per contributing rule decision
 * @param provenance the modules and rules that contributed; empty if no rule said anything
 */
public record ConfidentialityDecision(boolean identityHidden, Set<String> hiddenFrom, Set<RedactedField> redacted,
                                      Set<String> readers, List<String> reasons, Instant decidedAt,
                                      List<RuleProvenance> provenance) {

    public ConfidentialityDecision {
        hiddenFrom = Set.copyOf(hiddenFrom);
        redacted = Set.copyOf(redacted);
        readers = Set.copyOf(readers);
        reasons = List.copyOf(reasons);
        provenance = List.copyOf(provenance);
    }

    /** No rule restricted anything. */
    public static ConfidentialityDecision none(Instant decidedAt) {
        return new ConfidentialityDecision(false, Set.of(), Set.of(), Set.of(), List.of(), decidedAt, List.of());
    }

    /**
     * The stricter combination of two decisions: identity hidden if either hides it, the union of
     * exclusions and redactions, the intersection of restricted reader circles.
     */
    public ConfidentialityDecision strictest(ConfidentialityDecision other) {
        Set<String> excluded = new TreeSet<>(hiddenFrom);
        excluded.addAll(other.hiddenFrom);
        Set<RedactedField> fields = EnumSet.noneOf(RedactedField.class);
        fields.addAll(redacted);
        fields.addAll(other.redacted);
        Set<String> circle;
        if (readers.isEmpty()) {
            circle = other.readers;
        } else if (other.readers.isEmpty()) {
            circle = readers;
        } else {
            circle = new TreeSet<>(readers);
            circle.retainAll(other.readers);
            if (circle.isEmpty()) {
                // Two circles with nobody in common: only the reception center and supervisors read it.
                circle = Set.of(NOBODY_BEYOND_THE_CENTER);
            }
        }
        List<String> why = new ArrayList<>(new LinkedHashSet<>(reasons));
        other.reasons.stream().filter(reason -> !why.contains(reason)).forEach(why::add);
        List<RuleProvenance> sources = new ArrayList<>(provenance);
        other.provenance.stream().filter(source -> !sources.contains(source)).forEach(sources::add);
        return new ConfidentialityDecision(identityHidden || other.identityHidden, excluded, fields, circle, why,
                decidedAt.isAfter(other.decidedAt) ? decidedAt : other.decidedAt, sources);
    }

    /** The reader circle left when two restricted circles have no unit in common. */
    public static final String NOBODY_BEYOND_THE_CENTER = "-";

    /** Whether any rule restricted anything. */
    public boolean restricts() {
        return identityHidden || !hiddenFrom.isEmpty() || !redacted.isEmpty() || !readers.isEmpty();
    }
}

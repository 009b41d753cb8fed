package org.reception.core;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.reception.cases.AuditEntry;
import org.reception.cases.CaseAction;
import org.reception.cases.CaseDecisions;
import org.reception.cases.ConfidentialityDecision;
import org.reception.cases.Forbidden;
import org.reception.cases.Petition;
import org.reception.cases.PetitionType;
import org.reception.cases.Petitioner;
import org.reception.cases.RedactedField;
import org.reception.cases.access.Caller;
import org.reception.cases.access.Grant;
import org.reception.cases.access.Jurisdictions;
import org.reception.cases.access.Role;
import org.reception.cases.divisions.Units;
import org.reception.cases.spi.ListScope;

/**
 * Who may see, disclose and act on a case, and what of it each caller sees. The one place the
 * confidentiality decisions of the rules (《信访工作条例》第三十条) meet the callers' roles; every read
 * path of the desk goes through it.
 *
 * <ul>
 * <li>Clerks, supervisors and integration accounts see the cases of the places their roles cover;
 *     handling units the cases disposed to them, unless the case's reader circle leaves them out.</li>
 * <li>A case hidden from a unit (by code or name) is invisible to every account of that unit,
 *     whatever other role it holds: the accused never see the accusation.</li>
 * <li>Resident ids and phones are masked for everybody; names and addresses too when the
 *     petitioners' identity is hidden. Clerks and supervisors may disclose them for a stated
 *     purpose; units and county systems only when the identity is not hidden and no rule withheld them.</li>
 * <li>Fields a rule withheld are left out for units and county systems outside the reader circle.</li>
 * </ul>
 */
final class CaseAccess {

    /** Roles that see whole cases of their places: the reception center's own people. */
    private static final Set<Role> CENTER = EnumSet.of(Role.CLERK, Role.SUPERVISOR);
    /** The audit log's action for a disclosure of personal data (PetitionDesk#disclose). */
    static final String READ_PERSONAL_DATA = "READ_PERSONAL_DATA";
    private static final Set<Role> REGISTRARS = EnumSet.of(Role.CLERK, Role.INTEGRATION);
    private static final Set<Role> PLACE_ROLES = EnumSet.of(Role.CLERK, Role.SUPERVISOR, Role.INTEGRATION);

    private CaseAccess() {
    }

    /** Whether the caller may know the case exists. */
    static boolean visible(Caller caller, Petition petition) {
        return !hiddenFrom(caller, petition)
                && caller.grants().stream().anyMatch(grant -> reaches(grant, petition));
    }

    /** May the caller register a petition about this place? */
    static void requireRegistration(Caller caller, String jurisdiction) {
        boolean allowed = caller.grants().stream()
                .anyMatch(grant -> REGISTRARS.contains(grant.role()) && grant.covers(jurisdiction));
        if (!allowed) {
            throw new Forbidden(caller.hasAny(REGISTRARS)
                    ? "the account registers petitions of " + caller.grants().stream()
                            .filter(grant -> REGISTRARS.contains(grant.role())).map(Grant::scope).sorted().toList()
                            + " only, not of " + jurisdiction
                    : "only clerks and county systems register petitions");
        }
    }

    /**
     * May the caller take this step on a case it can see? Callers that cannot see the case are
     * told it does not exist before this is asked.
     */
    static void requireStep(Caller caller, Petition petition, CaseAction action) {
        Set<Role> roles = actors(action);
        if (!takes(caller, petition, action.name())) {
            throw new Forbidden("'" + action.name() + "' is taken by " + roles.stream().map(Role::roleName).toList()
                    + " of the case's place or unit");
        }
    }

    /**
     * The level (a division code) at which the caller answers a review or a re-review: a review is
     * answered by the organ above the handling one, or by the government over it (a supervisor of the
     * handling unit's division or above, Art. 35); a re-review by an organ above the one that
     * reviewed (Art. 36). Of the caller's supervisor scopes that qualify, the lowest level.
     *
     * @throws Forbidden if none of the caller's scopes qualifies
     */
    static String answeringLevel(Caller caller, Petition petition, CaseAction action) {
        return answeringLevel(caller, petition, action.name());
    }

    /** {@link #answeringLevel(Caller, Petition, CaseAction)} by the step's name: answer-review or answer-re-review. */
    static String answeringLevel(Caller caller, Petition petition, String step) {
        List<String> scopes = caller.grants().stream().filter(grant -> grant.role() == Role.SUPERVISOR)
                .map(grant -> Jurisdictions.prefix(grant.scope())).toList();
        if (step.equals("answer-review")) {
            String unit = petition.handling().unit();
            String handling = unit == null ? petition.jurisdiction()
                    : Jurisdictions.prefix(Jurisdictions.divisionOfUnit(unit));
            return scopes.stream().filter(handling::startsWith).max(Comparator.comparingInt(String::length))
                    .orElseThrow(() -> new Forbidden("a review is answered by the organ above the handling one or the"
                            + " government over it (Art. 35): a supervisor of " + handling + " or above"));
        }
        String reviewed = petition.handling().reviewedBy();
        String handlingUnit = petition.handling().unit();
        // A review answered before its level was recorded: taken as answered at the handling unit's level.
        String below = reviewed != null ? reviewed : handlingUnit != null
                ? Jurisdictions.prefix(Jurisdictions.divisionOfUnit(handlingUnit)) : petition.jurisdiction();
        return scopes.stream().filter(scope -> below.startsWith(scope) && !below.equals(scope))
                .max(Comparator.comparingInt(String::length))
                .orElseThrow(() -> new Forbidden("a re-review is answered by an organ above the one that answered the"
                        + " review (Art. 36): the review was answered at the level of " + below
                        + "; a supervisor above it answers"));
    }

    /**
     * May the caller read the audit log of the case? Auditors, the supervisors over its place, and
     * the reception center of its place, whose clerks answer the petitioner for what happened and
     * when (the desk's timeline).
     */
    static boolean mayAudit(Caller caller, Petition petition) {
        return !hiddenFrom(caller, petition)
                && (caller.has(Role.AUDITOR) || caller.covers(Role.SUPERVISOR, petition.jurisdiction())
                || caller.covers(Role.CLERK, petition.jurisdiction()));
    }

    /**
     * The audit entries of a case as the caller reads them. Who did what and when is for every
     * auditor; the free text of an entry (a step's reason, a disclosure's purpose: what follows its
     * first {@code ": "}) follows the case's confidentiality: of a case whose identity is hidden, only
     * its readers (the reception center of its place) read it, and an auditor sees that a text was given.
     */
    static List<AuditEntry> auditView(Caller caller, Petition petition, List<AuditEntry> entries) {
        if (petition.type() == PetitionType.ACCUSATION && !caller.has(Role.AUDITOR)
                && !caller.covers(Role.SUPERVISOR, petition.jurisdiction())) {
            // A clerk reads the procedure of an accusation, not who looked at the accuser's data and why:
            // that is the investigation's, for its overseers and auditors.
            entries = entries.stream().filter(entry -> !READ_PERSONAL_DATA.equals(entry.action())).toList();
        }
        boolean identityHidden = petition.confidential() || ConfidentialityFloor.of(petition).identityHidden();
        if (!identityHidden || visible(caller, petition)) {
            return entries;
        }
        return entries.stream().map(entry -> new AuditEntry(entry.seq(), entry.petitionId(), entry.action(),
                entry.actor(), entry.at(), withoutFreeText(entry.detail()), entry.previousHash(), entry.hash()))
                .toList();
    }

    /** What an audit entry's detail says before its free text, and that there was one. */
    static String withoutFreeText(String detail) {
        int colon = detail == null ? -1 : detail.indexOf(": ");
        return colon < 0 ? detail : detail.substring(0, colon) + ": " + TEXT_WITHHELD;
    }

    /** Stands for the free text of an audit entry of a confidential case, for those who may not read it. */
    static final String TEXT_WITHHELD = "[text given; kept confidential with the case]";

    /** The roles that take each step of the procedure. */
    static Set<Role> actors(CaseAction action) {
        return actors(action.name());
    }

    /** The roles that take a step, by its name ({@link CaseAction#name()}). */
    static Set<Role> actors(String step) {
        return switch (step) {
            case "dispose", "not-the-same-matter" -> EnumSet.of(Role.CLERK, Role.SUPERVISOR);
            case "accept", "object", "extend", "reply" -> EnumSet.of(Role.HANDLING_UNIT, Role.INTEGRATION);
            case "evaluate" -> EnumSet.of(Role.CLERK, Role.INTEGRATION);
            case "request-review", "request-re-review" -> EnumSet.of(Role.CLERK);
            case "answer-review", "answer-re-review", "supervise" -> EnumSet.of(Role.SUPERVISOR);
            case "resolve-supervision" -> EnumSet.of(Role.HANDLING_UNIT, Role.SUPERVISOR);
            case "archive" -> EnumSet.of(Role.CLERK, Role.HANDLING_UNIT);
            default -> throw new IllegalArgumentException("no roles for " + step);
        };
    }

    /** May the caller take this step on the case, as far as its roles go? */
    static boolean takes(Caller caller, Petition petition, String step) {
        Set<Role> roles = actors(step);
        return caller.grants().stream().anyMatch(grant -> roles.contains(grant.role()) && acts(grant, petition));
    }

    /** The cases a list shows the caller. */
    static ListScope listScope(Caller caller) {
        Set<String> places = caller.grants().stream().filter(grant -> PLACE_ROLES.contains(grant.role()))
                .map(grant -> Jurisdictions.prefix(grant.scope())).collect(Collectors.toSet());
        Set<String> handledIn = caller.grants().stream().filter(grant -> grant.role() == Role.INTEGRATION)
                .map(grant -> Jurisdictions.prefix(grant.scope())).collect(Collectors.toSet());
        Set<ListScope.Unit> units = caller.scopes(Role.HANDLING_UNIT).stream()
                .map(unit -> new ListScope.Unit(unit, names(unit))).collect(Collectors.toSet());
        return new ListScope(places, handledIn, units, unitTerms(caller));
    }

    /**
     * The cases the statistics of a jurisdiction count for the caller: those a list shows it, and for
     * auditors and administrators (who read figures, never cases) every case of the jurisdiction;
     * never one kept from one of its units.
     */
    static ListScope statisticsScope(Caller caller, String jurisdictionPrefix) {
        ListScope scope = listScope(caller);
        if (!caller.has(Role.AUDITOR) && !caller.has(Role.ADMINISTRATOR)) {
            return scope;
        }
        Set<String> places = new LinkedHashSet<>(scope.jurisdictionPrefixes());
        places.add(jurisdictionPrefix);
        return new ListScope(places, scope.handlingPrefixes(), scope.units(), scope.hiddenTerms());
    }

    /** Whether the caller oversees the whole jurisdiction: an auditor, an administrator, or a supervisor of it or above. */
    static boolean overseesWhole(Caller caller, String jurisdictionPrefix) {
        return caller.overseesWhole(jurisdictionPrefix);
    }

    /**
     * The rule decisions of a case for a caller who may read the case, or a rule administrator;
     * whom the case is hidden from only for the reception center.
     */
    static Optional<CaseDecisions> decisions(Caller caller, Petition petition) {
        boolean reader = visible(caller, petition);
        if (!reader && !(caller.has(Role.RULE_ADMINISTRATOR) && !hiddenFrom(caller, petition))) {
            return Optional.empty();
        }
        boolean center = reader && ofTheCenter(caller, petition);
        ConfidentialityDecision confidentiality = ConfidentialityFloor.of(petition);
        return Optional.of(new CaseDecisions(petition.registrationNumber(), petition.jurisdiction(),
                petition.routing(), center ? confidentiality : withoutParties(confidentiality),
                petition.escalations()));
    }

    /** Whether the caller reads the case as the reception center does: a clerk or supervisor of its place. */
    private static boolean ofTheCenter(Caller caller, Petition petition) {
        return ofTheCenter(caller, petition.jurisdiction());
    }

    /** Is the caller a clerk or supervisor of the place: the reception center that answers for it? */
    static boolean ofTheCenter(Caller caller, String jurisdiction) {
        return caller.grants().stream().anyMatch(grant -> CENTER.contains(grant.role()) && grant.covers(jurisdiction));
    }

    /**
     * What a registration's preview shows of the confidentiality the rules would decide: all of it
     * to the reception center of the place, as its case view does; to a county system, not whom it
     * keeps the case from nor why, which could name the people concerned.
     */
    static ConfidentialityDecision previewed(Caller caller, String jurisdiction, ConfidentialityDecision decision) {
        return ofTheCenter(caller, jurisdiction) ? decision : withoutParties(decision);
    }

    /** The cases whose deadline events a supervisor follows: its places, none hidden from its units. */
    static ListScope eventScope(Caller caller) {
        Set<String> places = caller.scopes(Role.SUPERVISOR).stream().map(Jurisdictions::prefix)
                .collect(Collectors.toSet());
        return new ListScope(places, Set.of(), unitTerms(caller));
    }

    /** The case as the caller sees it; with {@code disclose}, personal data unmasked where its role allows. */
    static Petition view(Caller caller, Petition petition, boolean disclose) {
        ConfidentialityDecision rules = ConfidentialityFloor.of(petition);
        boolean identityHidden = petition.confidential() || rules.identityHidden();
        boolean center = ofTheCenter(caller, petition);
        Set<RedactedField> withheld = center || inCircle(caller, rules) ? Set.of() : rules.redacted();
        boolean unmask = disclose && (center || !identityHidden);
        List<Petitioner> petitioners = petition.petitioners().stream()
                .map(petitioner -> petitioner(petitioner, identityHidden, center, unmask, withheld))
                .toList();
        return new Petition(petition.id(), petition.registrationNumber(), petition.channel(), petition.type(),
                petition.category(), petition.title(),
                withheld.contains(RedactedField.CONTENT) ? null : petition.content(), petition.jurisdiction(),
                petition.receivedAt(), petitioners,
                withheld.contains(RedactedField.ACCUSED) ? List.of() : petition.accused(), petition.confidential(),
                // Linked numbers can name a case kept from this reader; the reception center follows them.
                center ? petition.linkedPetitions() : List.of(), petition.status(), petition.routing(),
                center ? rules : withoutParties(rules), petition.escalations(), petition.handling(),
                petition.deadlines(), petition.supervisions(), petition.version(), petition.receivedBy());
    }

    /** What {@link #view} with {@code disclose} shows the caller unmasked, for the audit entry; empty if nothing. */
    static Set<RedactedField> disclosed(Caller caller, Petition petition) {
        Petition shown = view(caller, petition, true);
        Petition masked = view(caller, petition, false);
        Set<RedactedField> fields = EnumSet.noneOf(RedactedField.class);
        for (int i = 0; i < shown.petitioners().size(); i++) {
            Petitioner open = shown.petitioners().get(i);
            Petitioner closed = masked.petitioners().get(i);
            addIfDifferent(fields, RedactedField.PETITIONER_NAME, open.name(), closed.name());
            addIfDifferent(fields, RedactedField.RESIDENT_ID, open.residentId(), closed.residentId());
            addIfDifferent(fields, RedactedField.PHONE, open.phone(), closed.phone());
            addIfDifferent(fields, RedactedField.ADDRESS, open.address(), closed.address());
        }
        return fields;
    }

    private static void addIfDifferent(Set<RedactedField> fields, RedactedField field, String a, String b) {
        if (a != null && !a.equals(b)) {
            fields.add(field);
        }
    }

    private static boolean reaches(Grant grant, Petition petition) {
        return switch (grant.role()) {
            case CLERK, SUPERVISOR -> grant.covers(petition.jurisdiction());
            // A county system also follows the cases sent to its county's units: it receives them.
            case INTEGRATION -> grant.covers(petition.jurisdiction()) || grant.covers(handlingDivision(petition));
            case HANDLING_UNIT -> (Jurisdictions.sameUnit(grant.scope(), petition.handling().unit())
                    || petition.handling().coUnits().stream().anyMatch(co -> Jurisdictions.sameUnit(grant.scope(), co)))
                    && inCircle(grant.scope(), ConfidentialityFloor.of(petition));
            case RULE_ADMINISTRATOR, AUDITOR, ADMINISTRATOR -> false;
        };
    }

    /** Whether a grant takes steps on the case: as {@link #reaches}, but only the lead unit acts for the units. */
    private static boolean acts(Grant grant, Petition petition) {
        return reaches(grant, petition)
                && (grant.role() != Role.HANDLING_UNIT || Jurisdictions.sameUnit(grant.scope(), petition.handling().unit()));
    }

    /** The division of the unit handling the case, or {@code null} before it is disposed to one. */
    private static String handlingDivision(Petition petition) {
        String unit = petition.handling().unit();
        return unit == null ? null : Jurisdictions.divisionOfUnit(unit);
    }

    /**
     * Whether a case is kept from one of the caller's units: the unit's code or name occurs among
     * the parties it is hidden from. A unit whose name the platform does not know cannot be told
     * apart from the parties, so every case hidden from anybody is kept from it.
     */
    static boolean hiddenFrom(Caller caller, Petition petition) {
        Set<String> parties = ConfidentialityFloor.of(petition).hiddenFrom();
        return caller.scopes(Role.HANDLING_UNIT).stream().anyMatch(unit -> hiddenFromUnit(parties, unit));
    }

    /**
     * Whether the case is kept from a unit, named by its code (or, for a unit code no one uses, its
     * name): by the rules, or by the platform's floor for accusations.
     */
    static boolean hiddenFromUnit(Petition petition, String unit) {
        return hiddenFromUnit(ConfidentialityFloor.of(petition).hiddenFrom(), unit);
    }

    private static boolean hiddenFromUnit(Set<String> parties, String unit) {
        if (parties.isEmpty()) {
            return false;
        }
        if (parties.stream().anyMatch(party -> Jurisdictions.sameUnit(party, unit))) {
            return true;
        }
        if (!Grant.UNIT.matcher(unit).matches() || Units.name(unit).isEmpty()) {
            return true;
        }
        Set<String> names = names(unit);
        return parties.stream().anyMatch(party -> names.stream().anyMatch(party::contains));
    }

    /** Whether a unit may read a case whose rules restricted the reader circle (naming it by code or name). */
    private static boolean inCircle(String unit, ConfidentialityDecision rules) {
        return rules.readers().isEmpty() || names(unit).stream().anyMatch(rules.readers()::contains);
    }

    /** A unit's code and, if known, its name. */
    private static Set<String> names(String unit) {
        Set<String> names = new LinkedHashSet<>();
        names.add(unit);
        Units.name(unit).ifPresent(names::add);
        return names;
    }

    private static boolean inCircle(Caller caller, ConfidentialityDecision rules) {
        return !rules.readers().isEmpty()
                && caller.scopes(Role.HANDLING_UNIT).stream().anyMatch(unit -> inCircle(unit, rules));
    }

    /**
     * The codes and names of the caller's units, as a list looks for them among the hidden parties;
     * the empty term, found among any, for a unit whose name is not known (see {@link #hiddenFromUnit}).
     */
    private static Set<String> unitTerms(Caller caller) {
        Set<String> terms = new LinkedHashSet<>();
        for (String unit : caller.scopes(Role.HANDLING_UNIT)) {
            terms.addAll(names(unit));
            if (Units.name(unit).isEmpty()) {
                terms.add("");
            }
        }
        return terms;
    }

    /**
     * Units, county systems and rule administrators learn that a case is restricted and which rules
     * restricted it, not from whom nor why in the rules' words: the names could identify.
     */
    private static ConfidentialityDecision withoutParties(ConfidentialityDecision rules) {
        return new ConfidentialityDecision(rules.identityHidden(), Set.of(), rules.redacted(), Set.of(), List.of(),
                rules.decidedAt(), rules.provenance());
    }

    /**
     * A petitioner as one reader sees it (the table in docs/security.md). Disclosed (where the role
     * may), everything but what a rule withheld. Otherwise staff see the last four characters of an
     * identity number and a phone, enough to confirm a caller; of a hidden identity only the
     * reception center sees those, and nobody its name or address. A mask is one fixed placeholder:
     * it says nothing of a name's surname or length.
     */
    private static Petitioner petitioner(Petitioner petitioner, boolean identityHidden, boolean center, boolean unmask,
                                         Set<RedactedField> withheld) {
        boolean open = unmask && (center || !identityHidden);
        boolean hidden = identityHidden && !open;
        String name = hidden || withheld.contains(RedactedField.PETITIONER_NAME) ? MASK : petitioner.name();
        String address = petitioner.address() == null ? null
                : hidden || withheld.contains(RedactedField.ADDRESS) ? MASK : petitioner.address();
        String residentId = withheld.contains(RedactedField.RESIDENT_ID) || (hidden && !center) ? mask(petitioner.residentId())
                : open ? petitioner.residentId() : lastFour(petitioner.residentId());
        String phone = withheld.contains(RedactedField.PHONE) || (hidden && !center) ? mask(petitioner.phone())
                : open ? petitioner.phone() : lastFour(petitioner.phone());
        return new Petitioner(name, residentId, phone, address, petitioner.representative());
    }

    /** What stands for a value a reader may not see: the same for every value, whatever its length. */
    static final String MASK = "***";

    private static String mask(String value) {
        return value == null ? null : MASK;
    }

    /** {@code ***1234}: the last four characters only, behind the fixed mask. */
    static String lastFour(String value) {
        if (value == null) {
            return null;
        }
        return value.length() <= 4 ? MASK : MASK + value.substring(value.length() - 4);
    }
}

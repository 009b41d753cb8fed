package org.reception.rules.host;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reception.cases.access.Jurisdictions;
import org.reception.cases.divisions.Divisions;
import org.reception.cases.divisions.Units;
import org.reception.rules.Confidentiality;
import org.reception.rules.Escalation;
import org.reception.rules.Routing;

/**
 * What the platform accepts of the decisions a module emits, whatever the module. A unit is a
 * known unit: a division of the module's province and a department the platform knows or the
 * module names in its own text, so that a unit code can never carry what a case says; the free
 * texts (a unit's name, the reasons) are bounded. A decision that breaks this is not taken: at
 * validation the module is refused, when deciding its verdict is ignored as a failing module's.
 */
final class DecisionCheck {

    static final int REASON_LENGTH = 200;
    static final int UNIT_NAME_LENGTH = 60;
    /** As many co-units as a disposal may name (the procedure's limit): joint handling by a few, not by all. */
    static final int CO_UNITS = 10;

    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern DEPARTMENT = Pattern.compile("(?<![A-Za-z0-9])[A-Z][A-Z0-9]{0,15}(?![A-Za-z0-9])");

    private DecisionCheck() {
    }

    /**
     * The department codes a module's own text names, in its string literals ({@code "520102-YLJT"},
     * {@code "-FY"}): fixed by the version, read by whoever reviews it.
     */
    static Set<String> departmentsNamedIn(Iterable<String> drlFiles) {
        Set<String> named = new TreeSet<>();
        for (String drl : drlFiles) {
            Matcher literal = STRING_LITERAL.matcher(drl);
            while (literal.find()) {
                Matcher department = DEPARTMENT.matcher(literal.group(1));
                while (department.find()) {
                    named.add(department.group());
                }
            }
        }
        return named;
    }

    /** @return what the platform does not accept of these decisions, or empty */
    static Optional<String> problem(CompiledRuleModule module, Optional<Routing> routing,
                                    List<Confidentiality> confidentiality, List<Escalation> escalations) {
        if (routing.isPresent()) {
            Routing decided = routing.get();
            Optional<String> unit = unit(module, decided.getUnitCode(), "routes to");
            if (unit.isPresent()) {
                return unit;
            }
            if (decided.getCoUnits().size() > CO_UNITS) {
                return Optional.of("names more than " + CO_UNITS + " co-units");
            }
            for (String coUnit : decided.getCoUnits()) {
                Optional<String> co = unit(module, coUnit, "names as co-unit");
                if (co.isPresent()) {
                    return co;
                }
            }
            if (length(decided.getUnitName()) > UNIT_NAME_LENGTH) {
                return Optional.of("names its unit in more than " + UNIT_NAME_LENGTH + " characters");
            }
            if (length(decided.getReason()) > REASON_LENGTH) {
                return Optional.of("gives a routing reason of more than " + REASON_LENGTH + " characters");
            }
        }
        for (Confidentiality restriction : confidentiality) {
            if (length(restriction.getReason()) > REASON_LENGTH) {
                return Optional.of("gives a confidentiality reason of more than " + REASON_LENGTH + " characters");
            }
        }
        for (Escalation escalation : escalations) {
            if (length(escalation.getReason()) > REASON_LENGTH) {
                return Optional.of("gives an escalation reason of more than " + REASON_LENGTH + " characters");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> unit(CompiledRuleModule module, String code, String what) {
        Matcher unit = code == null ? null : Units.UNIT_CODE.matcher(code);
        if (unit == null || !unit.matches()) {
            // Not repeated: it may be anything, the case's own words included.
            return Optional.of(what + " something that is not a unit code (" + length(code)
                    + " characters; a unit code is a division's code, a dash and a department's short code"
                    + " of capitals and digits, e.g. 520102-GAJ)");
        }
        String province = module.jurisdiction().substring(0, 2);
        String division = unit.group(1);
        if (!division.startsWith(province) || Divisions.reference().find(Jurisdictions.prefix(division)).isEmpty()) {
            return Optional.of(what + " " + code + ", whose division is not one of the province " + province);
        }
        String department = unit.group(2);
        if (Units.departments().contains(department) && Units.find(code).isEmpty()) {
            return Optional.of(what + " " + code + ": the register has no department " + department + " at the level"
                    + " of division " + division + " (a county has a 公安局 GAJ, the province a 公安厅 GAT)");
        }
        if (!Units.departments().contains(department) && !module.departments().contains(department)) {
            return Optional.of(what + " " + code + ", an unknown unit: its department " + department
                    + " is neither one the platform knows nor one the module names in its text");
        }
        return Optional.empty();
    }

    private static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }
}

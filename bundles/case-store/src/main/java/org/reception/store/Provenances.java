package org.reception.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.reception.cases.RuleProvenance;

/**
 * Several rule provenances in one column: a line each, fields separated by a unit separator,
 * rules by a record separator. Control characters in names never reach the column.
 */
final class Provenances {

    private static final String FIELD = "\u001f";
    private static final String RULE = "\u001e";

    private Provenances() {
    }

    /** The widest provenance column; what does not fit is cut at a whole rule name and marked. */
    static final int MAX_LENGTH = 16_000;

    static String encode(List<RuleProvenance> provenances) {
        return fit(encodeAll(provenances), MAX_LENGTH, "\n");
    }

    /** {@code text} whole if it fits {@code max}, else cut after the last separator that fits, and marked. */
    static String fit(String text, int max, String separator) {
        if (text.length() <= max) {
            return text;
        }
        String cut = text.substring(0, max - 4);
        int last = cut.lastIndexOf(separator);
        return (last > 0 ? cut.substring(0, last) : cut) + separator + "...";
    }

    private static String encodeAll(List<RuleProvenance> provenances) {
        List<String> lines = new ArrayList<>();
        for (RuleProvenance p : provenances) {
            lines.add(String.join(FIELD, clean(p.moduleId()), clean(p.moduleVersion()), clean(p.jurisdiction()),
                    String.join(RULE, p.rulesFired().stream().map(Provenances::clean).toList())));
        }
        return String.join("\n", lines);
    }

    static List<RuleProvenance> decode(String column) {
        List<RuleProvenance> provenances = new ArrayList<>();
        if (column == null || column.isEmpty()) {
            return provenances;
        }
        for (String line : column.split("\n")) {
            String[] fields = line.split(FIELD, -1);
            List<String> rules = fields[3].isEmpty() ? List.of() : Arrays.asList(fields[3].split(RULE, -1));
            provenances.add(new RuleProvenance(fields[0], fields[1], fields[2], rules));
        }
        return provenances;
    }

    /** Rule and module names with control characters (a line break in a rule name) are flattened to spaces. */
    static String clean(String value) {
        return value.replaceAll("\\p{Cntrl}", " ");
    }
}

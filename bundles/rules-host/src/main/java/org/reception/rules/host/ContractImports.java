package org.reception.rules.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps modules to the rule contract: a module may import the contract's package, the enumerations
 * of the domain it names, and plain Java values; nothing of the platform's internals, nothing that
 * reaches out (files, network, threads). Rule modules are reviewed code, not a sandbox: this check
 * catches the mistakes an honest author makes, and reviewing catches the rest.
 */
final class ContractImports {

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:function\\s+|static\\s+)?([\\w.$*]+)",
            Pattern.MULTILINE);
    private static final Set<String> DOMAIN_TYPES = Set.of("Category", "Channel", "PetitionType", "Disposition",
            "Priority", "EscalationLevel", "EscalationTrigger", "RedactedField", "DeadlineKind", "PetitionStatus");
    private static final Set<String> JAVA_PACKAGES = Set.of("java.util", "java.time");
    private static final Set<String> JAVA_LANG = Set.of("String", "Integer", "Long", "Boolean", "Math", "Character");

    private ContractImports() {
    }

    /** @return one error per import outside the contract, naming the file and line */
    static List<String> check(Map<String, String> drl) {
        List<String> errors = new ArrayList<>();
        drl.forEach((file, text) -> {
            Matcher m = IMPORT.matcher(text);
            while (m.find()) {
                String imported = m.group(1);
                if (!allowed(imported)) {
                    int line = (int) text.substring(0, m.start(1)).chars().filter(c -> c == '\n').count() + 1;
                    errors.add(file + " line " + line + ": import " + imported
                            + " is outside the rule contract (org.reception.rules.*, the enumerations of"
                            + " org.reception.cases, java.util, java.time)");
                }
            }
        });
        return errors;
    }

    static boolean allowed(String imported) {
        if (imported.startsWith("org.reception.rules.") && imported.lastIndexOf('.') == "org.reception.rules".length()
                && !imported.endsWith(".*")) {
            return true;
        }
        if (imported.equals("org.reception.rules.*")) {
            return true;
        }
        if (imported.startsWith("org.reception.cases.")
                && DOMAIN_TYPES.contains(imported.substring("org.reception.cases.".length()))) {
            return true;
        }
        int dot = imported.lastIndexOf('.');
        String pkg = dot < 0 ? "" : imported.substring(0, dot);
        if (JAVA_PACKAGES.contains(pkg)) {
            return true;
        }
        return pkg.equals("java.lang") && JAVA_LANG.contains(imported.substring(dot + 1));
    }
}

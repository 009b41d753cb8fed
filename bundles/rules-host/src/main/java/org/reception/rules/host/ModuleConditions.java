package org.reception.rules.host;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.internal.builder.conf.LanguageLevelOption;
import org.reception.rules.admin.RuleModuleSource;

/**
 * Keeps what a module's DRL says outside its Java code to the rule contract. A rule's conditions
 * (and a query's, and a declared type's fields) are MVEL expressions that the engine evaluates by
 * reflection, with no bytecode to read beforehand, so their text is held to what conditions need:
 * the facts' properties, the contract's and the domain's types, strings, numbers and dates, and
 * comparisons; no object made, no class named by its full name, no reflection, no assignment. The
 * {@code mvel} dialect (consequences and functions run as MVEL) and globals are refused: Java
 * consequences and functions compile to bytecode, which {@link ModuleBytecode} reads.
 */
final class ModuleConditions {

    /** Types a condition may name by their simple names. */
    private static final Set<String> TYPES = Set.of("PetitionFact", "Routing", "Confidentiality", "Escalation",
            "Category", "Channel", "PetitionType", "Disposition", "Priority", "EscalationLevel", "EscalationTrigger",
            "RedactedField", "DeadlineKind", "PetitionStatus", "String", "Integer", "Long", "Short", "Byte", "Double",
            "Float", "Boolean", "Character", "Number", "Math", "List", "Set", "Map", "Collection", "LocalDate",
            "LocalDateTime", "LocalTime", "Instant", "Duration", "Period", "DayOfWeek", "Month", "ChronoUnit");

    /** Words of MVEL that make objects, loops, functions or imports, and the names of reflection and escapes. */
    private static final Set<String> REFUSED_WORDS = Set.of("new", "class", "import", "def", "function", "foreach",
            "while", "for", "do", "until", "with", "assert", "throw", "forName", "getMethod", "getMethods",
            "getDeclaredMethod", "getDeclaredMethods", "getField", "getFields", "getDeclaredField", "getDeclaredFields",
            "getConstructor", "getConstructors", "getDeclaredConstructor", "getDeclaredConstructors", "newInstance",
            "invoke", "getClassLoader", "getClass", "setAccessible", "getResource", "getResourceAsStream", "exec",
            "exit", "halt", "load", "loadLibrary", "getRuntime", "getProperty", "getProperties", "getenv", "lookup",
            // A regular expression can backtrack for hours on some texts, and nothing can stop it.
            "matches", "replaceAll", "replaceFirst", "split");

    private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'");
    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*(?s:.*?)\\*/");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_$][\\w$]*");
    /** An assignment: a lone {@code =}, not part of {@code ==}, {@code !=}, {@code <=}, {@code >=} or {@code :=}. */
    private static final Pattern ASSIGNMENT = Pattern.compile("(?<![=!<>:~])=(?![=~])");

    private ModuleConditions() {
    }

    /**
     * The most DRL a module may carry, in characters of all its files: the compiler's heap grows with
     * it. 500 rules as large as a decision may be take about 170,000 (docs/performance.md).
     */
    static final int MAX_SOURCE_CHARACTERS = 192 * 1024;
    /**
     * The most rules (and queries) a module may define. Compiling 500 takes about 60 MB of heap at
     * its peak and keeps about 9 MB while the version serves; 2,000 took more than the platform's
     * 256 MB heap (docs/performance.md, "The heap a module takes").
     */
    static final int MAX_RULES = 500;

    /**
     * The module's files as the DRL parser reads them, by file name; a file that does not parse is
     * left out (the build says what is wrong with it).
     */
    static Map<String, PackageDescr> parse(RuleModuleSource module) {
        Map<String, PackageDescr> parsed = new LinkedHashMap<>();
        long characters = module.drl().values().stream().mapToLong(String::length).sum();
        if (characters > MAX_SOURCE_CHARACTERS) {
            return parsed; // not even parsed: limits() refuses it
        }
        module.drl().forEach((name, drl) -> {
            PackageDescr pkg = parse(drl);
            if (pkg != null) {
                parsed.put(name, pkg);
            }
        });
        return parsed;
    }

    /** @return what is too large about the module to be compiled at all */
    static List<String> limits(RuleModuleSource module, Map<String, PackageDescr> parsed) {
        long characters = module.drl().values().stream().mapToLong(String::length).sum();
        if (characters > MAX_SOURCE_CHARACTERS) {
            return List.of("the module's DRL has " + characters + " characters; at most " + MAX_SOURCE_CHARACTERS
                    + " are compiled");
        }
        int rules = parsed.values().stream().mapToInt(pkg -> pkg.getRules().size()).sum();
        return rules > MAX_RULES ? List.of("the module defines " + rules + " rules; at most " + MAX_RULES
                + " are compiled") : List.of();
    }

    /** @return one error per thing the module's DRL may not say, naming the file and the rule */
    static List<String> check(RuleModuleSource module, Map<String, PackageDescr> parsed) {
        List<String> errors = new ArrayList<>();
        Set<String> declared = new HashSet<>();
        declaredTypes(parsed).forEach(type -> declared.add(type.substring(type.lastIndexOf('/') + 1)));
        for (Map.Entry<String, PackageDescr> file : parsed.entrySet()) {
            String name = file.getKey();
            String drl = module.drl().get(name);
            PackageDescr pkg = file.getValue();
            for (AttributeDescr attribute : pkg.getAttributes()) {
                if (attribute.getName().equals("dialect") && !"java".equals(attribute.getValue())) {
                    errors.add(name + ": the " + attribute.getValue() + " dialect runs code that cannot be checked"
                            + " before it runs; rules are written in Java (the default)");
                }
            }
            if (!pkg.getGlobals().isEmpty()) {
                errors.add(name + ": globals are not part of the rule contract (" + pkg.getGlobals().get(0)
                        .getIdentifier() + ")");
            }
            for (FunctionDescr function : pkg.getFunctions()) {
                if (function.getDialect() != null && !"java".equals(function.getDialect())) {
                    errors.add(name + " function " + function.getName() + ": the " + function.getDialect()
                            + " dialect is not checked before it runs; write it in Java");
                }
            }
            for (RuleDescr rule : pkg.getRules()) {
                String what = name + " " + (rule.isQuery() ? "query" : "rule") + " \"" + rule.getName() + "\"";
                AttributeDescr dialect = rule.getAttributes().get("dialect");
                if (dialect != null && !"java".equals(dialect.getValue())) {
                    errors.add(what + ": the " + dialect.getValue() + " dialect runs code that cannot be checked"
                            + " before it runs; rules are written in Java (the default)");
                }
                if (rule.getLhs() != null) {
                    errors.addAll(checkText(what + " conditions", text(drl, rule.getLhs()), declared));
                }
            }
            for (TypeDeclarationDescr type : pkg.getTypeDeclarations()) {
                errors.addAll(checkText(name + " declare " + type.getTypeName(), text(drl, type), declared));
            }
        }
        return errors;
    }

    /** The internal names ({@code pkg/Name}) of the types the module declares, which its code may use. */
    static Set<String> declaredTypes(Map<String, PackageDescr> parsed) {
        Set<String> types = new HashSet<>();
        for (PackageDescr pkg : parsed.values()) {
            for (TypeDeclarationDescr type : pkg.getTypeDeclarations()) {
                types.add((pkg.getNamespace() + "." + type.getTypeName()).replace('.', '/'));
            }
        }
        return types;
    }

    static List<String> checkText(String where, String text, Set<String> declared) {
        List<String> errors = new ArrayList<>();
        String code = COMMENT.matcher(STRING.matcher(text).replaceAll("\"\"")).replaceAll(" ");
        if (ASSIGNMENT.matcher(code).find()) {
            errors.add(where + ": assigns a value; conditions only compare");
        }
        Matcher word = WORD.matcher(code);
        Set<String> reported = new HashSet<>();
        while (word.find()) {
            String found = word.group();
            boolean member = word.start() > 0 && code.charAt(word.start() - 1) == '.';
            String refused = null;
            if (REFUSED_WORDS.contains(found)) {
                refused = "'" + found + "' is not part of the rule contract";
            } else if (Character.isUpperCase(found.charAt(0)) && (member ? !constant(found)
                    : !TYPES.contains(found) && !declared.contains(found))) {
                // After a dot, only a constant (Category.ENVIRONMENT); a class there is named by its full name.
                refused = (member ? "names the class " : "names the type ") + found + ", outside the rule contract";
            }
            if (refused != null && reported.add(found)) {
                errors.add(where + ": " + refused);
            }
        }
        return errors;
    }

    /** {@code ENVIRONMENT}, {@code GROUP_VISIT_SIZE}: an enumeration's value or a constant. */
    private static boolean constant(String word) {
        return word.equals(word.toUpperCase(java.util.Locale.ROOT)) && word.length() > 1;
    }

    private static String text(String drl, BaseDescr descr) {
        int start = Math.max(0, descr.getStartCharacter());
        int end = Math.min(drl.length(), Math.max(start, descr.getEndCharacter()));
        return drl.substring(start, end);
    }

    private static PackageDescr parse(String drl) {
        try {
            DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
            PackageDescr pkg = parser.parse(null, drl);
            return parser.hasErrors() ? null : pkg;
        } catch (DroolsParserException e) {
            return null;
        }
    }
}

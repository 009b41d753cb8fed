package org.reception.rules.host;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.reception.cases.Category;
import org.reception.cases.Channel;
import org.reception.cases.DeadlineKind;
import org.reception.cases.PetitionStatus;
import org.reception.cases.PetitionType;
import org.reception.cases.divisions.Division;
import org.reception.cases.divisions.Divisions;
import org.reception.rules.Confidentiality;
import org.reception.rules.Escalation;
import org.reception.rules.PetitionFact;
import org.reception.rules.Routing;
import org.reception.rules.admin.ModuleTestReport;

/**
 * Runs a module's own test cases: {@code rules/tests/*.properties} in the module, each a petition
 * ({@code petition.*}) and the decisions the module alone must emit for it ({@code expect.*}).
 * An expectation left out is not checked.
 */
final class ModuleTests {

    static final Instant TEST_TIME = Instant.parse("2026-06-01T02:00:00Z");

    private static final Set<String> PETITION_KEYS = Set.of("channel", "type", "category", "title", "content",
            "jurisdiction", "petitioners", "confidentialityRequested", "accused", "earlierPetitionsOnMatter",
            "overdue", "status", "daysSinceReceipt");
    private static final Set<String> EXPECT_KEYS = Set.of("routed", "disposition", "unit", "unitNot", "coUnits",
            "priority", "identityHidden", "hiddenFrom", "hiddenFromIncludes", "redacted", "readers", "escalations",
            "rulesFired");

    /**
     * The platform's own test cases, which every candidate must pass besides its own: those of
     * every module, and those of a province's. Written as a module's are; {@code {county}} stands for
     * the first county of the module's place.
     */
    private static final List<String> CONSTITUTION_OF_EVERY_MODULE = List.of(
            "every-module-accusation-never-to-the-accused");
    private static final List<String> CONSTITUTION_OF_A_PROVINCE = List.of(
            "province-accusation-hidden-from-the-accused", "province-litigation-leaves-the-petition-channel",
            "province-arbitration-leaves-the-petition-channel");

    private ModuleTests() {
    }

    static ModuleTestReport run(CompiledRuleModule module, RuleEvaluator evaluator) {
        return run(module, evaluator, module.source().tests());
    }

    /** The platform's test cases that the module must pass (see {@link #CONSTITUTION_OF_EVERY_MODULE}). */
    static ModuleTestReport constitution(CompiledRuleModule module, RuleEvaluator evaluator) {
        List<String> names = new ArrayList<>(CONSTITUTION_OF_EVERY_MODULE);
        if (module.jurisdiction() != null && module.jurisdiction().length() == 2) {
            names.addAll(CONSTITUTION_OF_A_PROVINCE);
        }
        Map<String, String> tests = new LinkedHashMap<>();
        for (String name : names) {
            String file = "constitution/" + name + ".properties";
            try (var in = ModuleTests.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("the rules host lacks " + file);
                }
                tests.put("constitution/" + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return run(module, evaluator, tests);
    }

    private static ModuleTestReport run(CompiledRuleModule module, RuleEvaluator evaluator, Map<String, String> tests) {
        List<ModuleTestReport.Result> results = new ArrayList<>();
        for (Map.Entry<String, String> test : tests.entrySet()) {
            if (module.counters().suspended()) {
                results.add(new ModuleTestReport.Result(test.getKey(),
                        List.of("not run: a decision of the module took longer than the time limit")));
                continue;
            }
            List<String> failures;
            try {
                failures = check(module, evaluator, withCounty(properties(test.getValue()), module));
            } catch (RuntimeException e) {
                failures = List.of("cannot run: " + e.getMessage());
            }
            results.add(new ModuleTestReport.Result(test.getKey(), failures));
        }
        return new ModuleTestReport(module.id(), module.version(), results);
    }

    /** {@code {county}} in a value: the county of the test's petition. */
    private static Properties withCounty(Properties test, CompiledRuleModule module) {
        String county = test.getProperty("petition.jurisdiction", defaultCounty(module.jurisdiction())).strip();
        Properties resolved = new Properties();
        for (String key : test.stringPropertyNames()) {
            resolved.setProperty(key, test.getProperty(key).replace("{county}", county));
        }
        return resolved;
    }

    private static List<String> check(CompiledRuleModule module, RuleEvaluator evaluator, Properties test) {
        List<String> failures = new ArrayList<>();
        for (String key : test.stringPropertyNames()) {
            String[] parts = key.split("\\.", 2);
            boolean known = parts.length == 2 && (parts[0].equals("petition") && PETITION_KEYS.contains(parts[1])
                    || parts[0].equals("expect") && EXPECT_KEYS.contains(parts[1]));
            if (!known) {
                failures.add("unknown key '" + key + "'");
            }
        }
        if (!failures.isEmpty()) {
            return failures;
        }
        ModuleVerdict verdict = evaluator.evaluate(module, petition(module, test));
        verdict.problem().ifPresent(problem -> failures.add("the module " + problem));
        Routing routing = verdict.routing().orElse(null);
        expect(test, "routed", String.valueOf(routing != null), failures);
        if (routing != null) {
            expect(test, "disposition", routing.getDisposition().name(), failures);
            expect(test, "unit", routing.getUnitCode(), failures);
            expectSet(test, "coUnits", new TreeSet<>(routing.getCoUnits()), failures);
            expect(test, "priority", routing.getPriority().name(), failures);
            if (list(test.getProperty("expect.unitNot")).contains(routing.getUnitCode())) {
                failures.add("routes to " + routing.getUnitCode() + ", where the case must never go");
            }
        } else if (test.getProperty("expect.unit") != null) {
            failures.add("expected unit " + test.getProperty("expect.unit") + " but the module emitted no routing");
        }
        boolean hidden = verdict.confidentiality().stream().anyMatch(Confidentiality::isIdentityHidden);
        expect(test, "identityHidden", String.valueOf(hidden), failures);
        expectSet(test, "hiddenFrom", verdict.confidentiality().stream()
                .flatMap(c -> c.getHiddenFrom().stream()).collect(Collectors.toCollection(TreeSet::new)), failures);
        String included = test.getProperty("expect.hiddenFromIncludes");
        if (included != null) {
            Set<String> hiddenFrom = verdict.confidentiality().stream().flatMap(c -> c.getHiddenFrom().stream())
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!hiddenFrom.containsAll(list(included))) {
                failures.add("expected hiddenFrom to include " + list(included) + " but was " + hiddenFrom);
            }
        }
        expectSet(test, "redacted", verdict.confidentiality().stream()
                .flatMap(c -> c.getRedacted().stream()).map(Enum::name)
                .collect(Collectors.toCollection(TreeSet::new)), failures);
        expectSet(test, "readers", verdict.confidentiality().stream()
                .flatMap(c -> c.getReaders().stream()).collect(Collectors.toCollection(TreeSet::new)), failures);
        expectSet(test, "escalations", verdict.escalations().stream().map(ModuleTests::escalation)
                .collect(Collectors.toCollection(TreeSet::new)), failures);
        String mustFire = test.getProperty("expect.rulesFired");
        if (mustFire != null) {
            for (String rule : list(mustFire)) {
                if (!verdict.rulesFired().contains(rule)) {
                    failures.add("rule '" + rule + "' did not fire; fired: " + verdict.rulesFired());
                }
            }
        }
        return failures;
    }

    /** {@code PROVINCE:RISK_WORDS}, as test cases write an escalation. */
    static String escalation(Escalation escalation) {
        return escalation.getLevel() + ":" + escalation.getTrigger();
    }

    private static PetitionFact petition(CompiledRuleModule module, Properties test) {
        String jurisdiction = test.getProperty("petition.jurisdiction", defaultCounty(module.jurisdiction()));
        long days = Long.parseLong(test.getProperty("petition.daysSinceReceipt", "0").strip());
        Set<DeadlineKind> overdue = EnumSet.noneOf(DeadlineKind.class);
        list(test.getProperty("petition.overdue", "")).forEach(kind -> overdue.add(DeadlineKind.valueOf(kind)));
        return PetitionFact.builder()
                .channel(Channel.valueOf(test.getProperty("petition.channel", "LETTER").strip()))
                .type(PetitionType.valueOf(test.getProperty("petition.type", "SUGGESTION").strip()))
                .category(Category.valueOf(test.getProperty("petition.category", "OTHER").strip()))
                .title(test.getProperty("petition.title", "测试"))
                .content(test.getProperty("petition.content", ""))
                .jurisdiction(jurisdiction.strip())
                .receivedAt(TEST_TIME.minusSeconds(days * 86_400))
                .evaluatedAt(TEST_TIME)
                .status(PetitionStatus.valueOf(test.getProperty("petition.status", "REGISTERED").strip()))
                .petitionerCount(Integer.parseInt(test.getProperty("petition.petitioners", "1").strip()))
                .confidentialityRequested(Boolean.parseBoolean(
                        test.getProperty("petition.confidentialityRequested", "false").strip()))
                .accused(list(test.getProperty("petition.accused", "")))
                .earlierPetitionsOnMatter(Integer.parseInt(
                        test.getProperty("petition.earlierPetitionsOnMatter", "0").strip()))
                .overdueDeadlines(overdue)
                .build();
    }

    /** A test of a city or province module needs a county: the first one under it. */
    static String defaultCounty(String jurisdiction) {
        String code = jurisdiction;
        List<Division> below = Divisions.reference().children(code);
        while (!below.isEmpty()) {
            code = below.get(0).code();
            below = Divisions.reference().children(code);
        }
        return code;
    }

    private static void expect(Properties test, String key, String actual, List<String> failures) {
        String expected = test.getProperty("expect." + key);
        if (expected != null && !expected.strip().equals(actual)) {
            failures.add("expected " + key + " " + expected.strip() + " but was " + actual);
        }
    }

    private static void expectSet(Properties test, String key, Set<String> actual, List<String> failures) {
        String expected = test.getProperty("expect." + key);
        if (expected != null) {
            Set<String> wanted = new TreeSet<>(list(expected));
            if (!wanted.equals(actual)) {
                failures.add("expected " + key + " " + wanted + " but was " + actual);
            }
        }
    }

    /** A comma-separated list; {@code none} or blank is empty. */
    static List<String> list(String value) {
        if (value == null || value.isBlank() || value.strip().equals("none")) {
            return List.of();
        }
        return new ArrayList<>(new LinkedHashSet<>(Arrays.stream(value.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList()));
    }

    private static Properties properties(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}

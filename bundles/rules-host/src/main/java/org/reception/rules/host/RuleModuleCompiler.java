package org.reception.rules.host;

import static org.reception.rules.host.DroolsClassLoading.withHostClassLoader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.drools.drl.ast.descr.PackageDescr;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.reception.cases.Category;
import org.reception.cases.Channel;
import org.reception.cases.PetitionType;
import org.reception.cases.divisions.Divisions;
import org.reception.rules.PetitionFact;
import org.reception.rules.admin.ModuleTestReport;
import org.reception.rules.admin.RuleModuleSource;

/**
 * Compiles a rule module's DRL into its own rule base and validates it, off to the side: nothing
 * that serves is touched until the caller publishes the result. Validation: a known jurisdiction,
 * imports within the rule contract, DRL that compiles, at least one rule, every test case of the
 * module passing, the platform's own test cases passing (the constitution: Art. 30 and 诉访分离,
 * see {@link ModuleTests#constitution}), and a trial run on one petition of every category without
 * a failure or a runaway.
 */
public final class RuleModuleCompiler {

    private final RuleEvaluator evaluator;

    public RuleModuleCompiler(RuleEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** @throws RuleModuleRejected with every error found, each saying where */
    public CompiledRuleModule compile(RuleModuleSource module) throws RuleModuleRejected {
        List<String> errors = new ArrayList<>();
        if (module.id() == null || !module.id().matches("[a-z0-9][a-z0-9-]{0,63}")) {
            errors.add("module id '" + module.id() + "' must be lower-case letters, digits and dashes");
        }
        if (Divisions.reference().find(module.jurisdiction()).isEmpty()) {
            errors.add("jurisdiction '" + module.jurisdiction() + "' is not a known division code");
        }
        if (module.drl().isEmpty()) {
            errors.add("the module carries no .drl file");
        }
        errors.addAll(ContractImports.check(module.drl()));
        Map<String, PackageDescr> parsed = ModuleConditions.parse(module);
        errors.addAll(ModuleConditions.limits(module, parsed));
        if (!errors.isEmpty()) {
            throw new RuleModuleRejected(module, errors);
        }
        KnowledgeBuilder builder = withHostClassLoader(() -> build(module));
        if (builder.hasErrors()) {
            for (KnowledgeBuilderError error : builder.getErrors()) {
                String file = error.getResource() == null ? module.id() : error.getResource().getSourcePath();
                errors.add(file + " " + lines(error.getLines()) + error.getMessage().strip());
            }
            throw new RuleModuleRejected(module, errors);
        }
        // Before any of the module's code is loaded, let alone run: it must be rules, not a program.
        errors.addAll(ModuleConditions.check(module, parsed));
        errors.addAll(ModuleBytecode.check(compiledClasses(builder), ModuleConditions.declaredTypes(parsed)));
        if (!errors.isEmpty()) {
            throw new RuleModuleRejected(module, errors);
        }
        KieBase kieBase = withHostClassLoader(builder::newKieBase);
        List<String> ruleNames = kieBase.getKiePackages().stream()
                .flatMap(pkg -> pkg.getRules().stream()).map(Rule::getName).sorted().toList();
        if (ruleNames.isEmpty()) {
            throw new RuleModuleRejected(module, List.of("the module's DRL defines no rule"));
        }
        CompiledRuleModule compiled = new CompiledRuleModule(module, kieBase, ruleNames,
                new CompiledRuleModule.Counters());
        errors.addAll(trialRun(compiled));
        if (compiled.counters().suspended()) {
            // A decision outlived the time limit: one is enough to refuse it, and the next would take as long.
            errors.add("validation stopped at the first decision that took longer than the time limit");
            throw new RuleModuleRejected(module, errors);
        }
        for (ModuleTestReport tests : List.of(ModuleTests.run(compiled, evaluator),
                ModuleTests.constitution(compiled, evaluator))) {
            for (ModuleTestReport.Result result : tests.results()) {
                result.failures().forEach(failure -> errors.add("test " + result.testCase() + ": " + failure));
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleModuleRejected(module, errors);
        }
        return new CompiledRuleModule(module, kieBase, ruleNames, new CompiledRuleModule.Counters(),
                compiled.departments());
    }

    /** One petition of every category: the module must come through each without failing or running away. */
    private List<String> trialRun(CompiledRuleModule module) {
        // One error per problem, naming every category it met, rather than the same words eleven times.
        Map<String, List<Category>> problems = new java.util.LinkedHashMap<>();
        String county = ModuleTests.defaultCounty(module.jurisdiction());
        for (Category category : Category.values()) {
            PetitionFact petition = PetitionFact.builder().channel(Channel.LETTER).type(PetitionType.SUGGESTION)
                    .category(category).title("试运行").content("试运行").jurisdiction(county)
                    .receivedAt(ModuleTests.TEST_TIME).build();
            evaluator.evaluate(module, petition).problem()
                    .ifPresent(problem -> problems.computeIfAbsent(problem, p -> new ArrayList<>()).add(category));
            if (module.counters().suspended()) {
                break;
            }
        }
        List<String> errors = new ArrayList<>();
        problems.forEach((problem, categories) -> errors.add((categories.size() == 1
                ? "trial run on a " + categories.get(0) + " petition"
                : categories.size() == Category.values().length ? "trial runs on a petition of every category"
                : "trial runs on " + String.join(", ", categories.stream().map(Enum::name).toList()) + " petitions")
                + ": the module " + problem));
        return errors;
    }

    /** The Java classes the module's consequences, functions and {@code eval}s compiled to, by internal name. */
    private static Map<String, byte[]> compiledClasses(KnowledgeBuilder builder) {
        Map<String, byte[]> classes = new java.util.HashMap<>();
        ((KnowledgeBuilderImpl) builder).getPackageRegistry().values().forEach(registry -> {
            if (registry.getPackage().getDialectRuntimeRegistry().getDialectData("java")
                    instanceof JavaDialectRuntimeData java) {
                classes.putAll(java.getStore());
            }
        });
        return classes;
    }

    private static KnowledgeBuilder build(RuleModuleSource module) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, DroolsClassLoading.HOST));
        KieServices kie = KieServices.get();
        // One batch, so that a function or a declared type of one file serves the rules of another.
        CompositeKnowledgeBuilder batch = builder.batch();
        for (Map.Entry<String, String> file : module.drl().entrySet()) {
            Resource resource = kie.getResources()
                    .newByteArrayResource(file.getValue().getBytes(StandardCharsets.UTF_8), "UTF-8");
            resource.setSourcePath(file.getKey());
            batch.add(resource, ResourceType.DRL);
        }
        batch.build();
        return builder;
    }

    private static String lines(int[] lines) {
        if (lines == null || lines.length == 0) {
            return "";
        }
        return "line " + lines[0] + ": ";
    }
}

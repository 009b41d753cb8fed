package org.reception.rules.host;

import static org.reception.rules.host.DroolsClassLoading.withHostClassLoader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.reception.cases.divisions.Divisions;

/**
 * Compiles a rule module's DRL into its own rule base, off to the side: nothing that serves is
 * touched until the caller publishes the result.
 */
public final class RuleModuleCompiler {

    /**
     * @throws RuleModuleRejected if the module names no known jurisdiction, carries no DRL, or
     *         does not compile; the errors say where
     */
    public CompiledRuleModule compile(RuleModuleSource module) throws RuleModuleRejected {
        List<String> errors = new ArrayList<>();
        if (Divisions.reference().find(module.jurisdiction()).isEmpty()) {
            errors.add("jurisdiction '" + module.jurisdiction() + "' is not a known division code");
        }
        if (module.drl().isEmpty()) {
            errors.add("the module carries no .drl file");
        }
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
        KieBase kieBase = withHostClassLoader(builder::newKieBase);
        int rules = kieBase.getKiePackages().stream().mapToInt(pkg -> pkg.getRules().size()).sum();
        if (rules == 0) {
            throw new RuleModuleRejected(module, List.of("the module's DRL defines no rule"));
        }
        return new CompiledRuleModule(module, kieBase, rules);
    }

    private static KnowledgeBuilder build(RuleModuleSource module) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, DroolsClassLoading.HOST));
        KieServices kie = KieServices.get();
        for (Map.Entry<String, String> file : module.drl().entrySet()) {
            Resource resource = kie.getResources()
                    .newByteArrayResource(file.getValue().getBytes(StandardCharsets.UTF_8), "UTF-8");
            resource.setSourcePath(file.getKey());
            builder.add(resource, ResourceType.DRL);
        }
        return builder;
    }

    private static String lines(int[] lines) {
        if (lines == null || lines.length == 0) {
            return "";
        }
        return "line " + lines[0] + ": ";
    }
}

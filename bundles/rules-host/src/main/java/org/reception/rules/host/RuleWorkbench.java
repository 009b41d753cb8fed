package org.reception.rules.host;

import java.nio.file.Path;

import org.reception.cases.RuleDecisions;
import org.reception.rules.PetitionFact;

/**
 * The rules host on a rule author's desk: compiles module folders exactly as the platform does
 * (validation and the module's own test cases included), publishes them in layers, and decides
 * petitions through them. For a module's unit tests; nothing here is used by the platform itself.
 */
public final class RuleWorkbench implements AutoCloseable {

    private final RuleEvaluator evaluator = new RuleEvaluator(1_000, 2_000);
    private final RuleModuleCompiler compiler = new RuleModuleCompiler(evaluator);
    private final RuleBases ruleBases = new RuleBases();
    private final LayeredDecider decider = new LayeredDecider(ruleBases, evaluator);

    /**
     * Compiles and validates the module in {@code folder} (its {@code .drl} files, and its test
     * cases in {@code tests/}) and publishes it for its jurisdiction.
     *
     * @throws RuleModuleRejected with every error, each naming its file and line or test case
     */
    public CompiledRuleModule publish(Path folder, String id, String version, String jurisdiction)
            throws RuleModuleRejected {
        CompiledRuleModule module = compiler.compile(RuleModuleFolders.read(folder, id, version, jurisdiction));
        ruleBases.publish(module);
        return module;
    }

    /** The decisions of all published layers for the petition, at its evaluation time. */
    public RuleDecisions decide(PetitionFact petition) {
        return decider.decide(petition, petition.getEvaluatedAt());
    }

    @Override
    public void close() {
        evaluator.close();
    }
}

package org.reception.rules.admin;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/** Administration of the jurisdiction rule modules: for operators and rule administrators, not for rule authors. */
public interface RuleAdministration {

    /** The modules serving now, one per jurisdiction, ordered by jurisdiction code. */
    List<RuleModuleInfo> activeModules();

    /** One module by its id, or by the jurisdiction it decides for. */
    Optional<RuleModuleDetail> module(String idOrJurisdiction);

    /** The module versions refused lately, newest first. */
    List<RuleModuleRejection> rejections();

    /**
     * Installs a module jar as a bundle, or updates the bundle of the module with the same id;
     * returns once the host has published or refused it.
     */
    DeployOutcome deploy(InputStream moduleJar) throws IOException;

    /**
     * Brings back the version a jurisdiction's module replaced last.
     *
     * @throws IllegalStateException if no earlier version is kept
     */
    RuleModuleInfo rollback(String idOrJurisdiction);

    /** Runs the test cases of a module's serving version. */
    Optional<ModuleTestReport> test(String idOrJurisdiction);

    /**
     * Compiles and validates a module jar without publishing it.
     *
     * @throws RuleModuleInvalid with the errors if it does not compile or its test cases fail
     */
    RuleCandidate candidate(InputStream moduleJar) throws IOException;
}

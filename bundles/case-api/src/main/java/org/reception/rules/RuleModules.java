package org.reception.rules;

/** How a bundle declares itself a rule module to the rules host. */
public final class RuleModules {

    /**
     * Manifest header that makes a bundle a rule module; its value is the jurisdiction the module
     * decides for: a 2-digit province, 4-digit prefecture or 6-digit county code.
     * Example: {@code Reception-Rule-Module: 52}.
     */
    public static final String HEADER = "Reception-Rule-Module";

    /** Folder inside the bundle where the module's {@code .drl} files live. */
    public static final String DRL_FOLDER = "rules";

    private RuleModules() {
    }
}

package org.reception.rules;

/** How a bundle declares itself a rule module to the rules host. */
public final class RuleModules {

    /**
     * Manifest header that makes a bundle a rule module: the module's name, and as attribute the
     * jurisdiction it decides for (a 2-digit province, 4-digit prefecture or 6-digit county code).
     * The module's version is the bundle's version.
     * Example: {@code Reception-Rule-Module: province-base;jurisdiction=52}.
     */
    public static final String HEADER = "Reception-Rule-Module";

    /** The attribute of {@link #HEADER} that names the jurisdiction. */
    public static final String JURISDICTION_ATTRIBUTE = "jurisdiction";

    /** Folder inside the bundle where the module's {@code .drl} files live. */
    public static final String DRL_FOLDER = "rules";

    /**
     * Folder below {@link #DRL_FOLDER} where the module's test cases live: {@code rules/tests/*.properties},
     * each a petition and the decisions the module must emit for it.
     */
    public static final String TESTS_FOLDER = "tests";

    /**
     * A plain DRL file dropped into the distribution's {@code deploy/} folder becomes a module when
     * its name is {@code <jurisdiction>-<module id>.drl}, e.g. {@code 520102-nanming-housing.drl}.
     */
    public static final String DRL_FILE_PATTERN = "(\\d{2}|\\d{4}|\\d{6})-([a-z0-9][a-z0-9-]{0,63})\\.drl";

    private RuleModules() {
    }
}

package org.reception.rules.admin;

import java.io.IOException;
import java.io.InputStream;

/** Tries a candidate rule module on stored cases before anyone activates it. */
public interface RuleTrials {

    /** The most cases one what-if examines. */
    int MAX_CASES = 1000;

    /**
     * Puts the latest {@code cases} petitions of the candidate's jurisdiction (and below) to the
     * candidate and to the serving modules, and reports every decision that would change.
     *
     * @throws RuleModuleInvalid if the candidate does not compile or fails its test cases
     */
    WhatIfReport whatIf(InputStream moduleJar, int cases) throws IOException;
}

package org.reception.rules.admin;

import java.io.IOException;
import java.io.InputStream;

import org.reception.cases.access.Caller;

/** Tries a candidate rule module on stored cases before anyone activates it. */
public interface RuleTrials {

    /** The most cases one what-if examines. */
    int MAX_CASES = 1000;

    /**
     * Puts the latest {@code cases} petitions of the candidate's jurisdiction (and below) to the
     * candidate and to the serving modules, and reports every decision that would change: case by
     * case where {@code caller} may read the case, as counts where it may not (see {@link WhatIfReport}).
     *
     * @throws RuleModuleInvalid if the candidate does not compile or fails its test cases
     */
    WhatIfReport whatIf(Caller caller, InputStream moduleJar, int cases) throws IOException;
}

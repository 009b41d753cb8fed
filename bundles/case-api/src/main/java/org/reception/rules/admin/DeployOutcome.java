package org.reception.rules.admin;

import java.util.List;

/**
 * What became of a module handed to the host.
 *
 * @param module the version now deciding, if it was accepted; the one that still decides if it was rejected (may be {@code null})
 * @param errors why it was rejected; empty if it was accepted
 */
public record DeployOutcome(boolean accepted, RuleModuleInfo module, List<String> errors) {
    public DeployOutcome {
        errors = List.copyOf(errors);
    }
}

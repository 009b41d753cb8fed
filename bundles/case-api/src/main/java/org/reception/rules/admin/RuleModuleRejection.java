package org.reception.rules.admin;

import java.time.Instant;
import java.util.List;

/** A module version the host refused to publish, and why. */
public record RuleModuleRejection(String id, String version, String jurisdiction, String origin, Instant rejectedAt,
                                  List<String> errors) {
    public RuleModuleRejection {
        errors = List.copyOf(errors);
    }
}

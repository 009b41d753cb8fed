package org.reception.rules.admin;

import java.util.List;

/**
 * Everything the host knows of one module: the version that decides, the versions kept for a
 * rollback (newest first), its rules, and the versions it refused.
 *
 * @param active the version that decides, or {@code null} if none does now
 * @param evaluations how many petitions the active version evaluated since it was published
 * @param runaways how many of those evaluations it broke off at the fire limit or the time limit
 */
public record RuleModuleDetail(RuleModuleInfo active, List<RuleModuleInfo> kept, List<String> ruleNames,
                               List<String> testCases, long evaluations, long runaways,
                               List<RuleModuleRejection> rejections) {
    public RuleModuleDetail {
        kept = List.copyOf(kept);
        ruleNames = List.copyOf(ruleNames);
        testCases = List.copyOf(testCases);
        rejections = List.copyOf(rejections);
    }
}

package org.reception.rules.admin;

import java.time.Instant;

/**
 * A rule module version the host holds, as administrators see it.
 *
 * @param jurisdiction the division code it decides for
 * @param ruleCount how many rules it holds
 * @param origin where it came from, e.g. {@code bundle 57 (org.reception.province-base)}
 * @param activatedAt when it last began to decide
 * @param state whether it decides now
 */
public record RuleModuleInfo(String id, String version, String jurisdiction, int ruleCount, String origin,
                             Instant activatedAt, State state) {

    public enum State {
        /** Decides for its jurisdiction. */
        ACTIVE,
        /** Replaced by another version; kept for a rollback. */
        SUPERSEDED,
        /** Took too long on a petition and was taken out of service until a new version arrives. */
        SUSPENDED
    }
}

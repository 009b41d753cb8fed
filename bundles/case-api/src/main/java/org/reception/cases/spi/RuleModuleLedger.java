package org.reception.cases.spi;

import java.time.Instant;
import java.util.List;

/**
 * Where the rules host records, durably, the versions of every jurisdiction's rule module: the
 * one that decides, the ones kept for a rollback, the ones a rollback set aside and the ones
 * refused. After a restart the host restores from it, so that the version deciding before the
 * restart decides after it, and the rollback history is still there.
 */
public interface RuleModuleLedger {

    enum State {
        /** Decides for its jurisdiction; at most one per jurisdiction. */
        ACTIVE,
        /** Replaced, or withdrawn because its source was removed; kept for a rollback, newest at position 0. */
        KEPT,
        /**
         * Withdrawn because its source (a bundle) was stopped; kept for a rollback like {@link #KEPT},
         * and deciding again when that source starts again, also after a restart.
         */
        WITHDRAWN,
        /** Replaced by a rollback: never restored, even if its source presents it again. */
        SET_ASIDE,
        /** Refused when it arrived; never restored. */
        REFUSED
    }

    /**
     * One version of a jurisdiction's module.
     *
     * @param fingerprint the SHA-256 of the module's id, version, jurisdiction and files: what tells versions apart
     * @param origin where it came from, for operators: {@code bundle 57 (org.reception.province-base)}
     * @param source the source the host tells modules' arrivals apart by (a bundle's location, a rule
     *               file's path); null once that source was removed
     * @param position the order among the jurisdiction's versions of the same state, 0 the newest
     * @param ruleCount how many rules it holds; 0 if refused
     * @param refusal why it was refused, one reason a line; null unless {@link State#REFUSED}
     * @param files the module's files, packed by the host; null for a version set aside or refused,
     *              which is never compiled again
     */
    record Version(String jurisdiction, String fingerprint, String moduleId, String version, String origin,
                   String source, State state, int position, int ruleCount, Instant changedAt, String refusal,
                   byte[] files) {
    }

    /** @return every version recorded, of every jurisdiction, with their files */
    List<Version> versions();

    /**
     * Records a jurisdiction's versions as given, in one transaction: versions of the jurisdiction
     * not given are removed. A version recorded before keeps its files when given none.
     */
    void record(String jurisdiction, List<Version> versions);
}

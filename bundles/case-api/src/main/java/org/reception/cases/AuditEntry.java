package org.reception.cases;

import java.time.Instant;

/**
 * One entry of the append-only audit log. Each carries the hash of the one before, so a changed or
 * missing entry breaks the chain. An entry takes its place in the chain (its {@code seq} and
 * hashes) within a moment of its commit; until then {@code seq} is 0 and the hashes are null.
 */
public record AuditEntry(long seq, String petitionId, String action, String actor, Instant at, String detail,
                         String previousHash, String hash) {
}

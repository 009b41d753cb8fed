package org.reception.cases;

/**
 * The result of checking the audit chain.
 *
 * @param firstBroken the sequence number of the first entry that does not match, or -1
 */
public record AuditVerification(long entries, boolean intact, long firstBroken, String problem) {
}

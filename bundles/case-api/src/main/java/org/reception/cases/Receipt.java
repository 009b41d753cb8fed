package org.reception.cases;

import java.time.Instant;

/**
 * The acknowledgement receipt (受理凭证) given to the petitioner. The query code lets the
 * petitioner read the status later without an account; the platform keeps only its hash, so it is
 * shown once, here.
 */
public record Receipt(String registrationNumber, String queryCode, Instant receivedAt) {
}

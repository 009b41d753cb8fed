package org.reception.cases;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a petitioner reads with the registration number and query code: the progress of the
 * petition, without anyone's personal data.
 *
 * @param nextDue the date by which the next step is due, if one is pending
 */
public record PublicStatus(String registrationNumber, PetitionStatus status, Instant receivedAt, String unitName,
                           LocalDate nextDue, String reply) {
}

package org.reception.cases;

import java.time.Instant;

/**
 * A petition as submitted at intake, before validation. Every field may be missing or wrong here;
 * {@link PetitionService#register(NewPetition)} says which ones are.
 *
 * @param receivedAt when the reception center received it; {@code null} means now
 * @param jurisdiction the 6-digit administrative division code of the place the matter concerns
 */
public record NewPetition(Channel channel, Category category, String title, String content,
                          String jurisdiction, Instant receivedAt) {
}

package org.reception.cases;

import java.time.Instant;
import java.util.List;

/**
 * A petition as submitted at intake, before validation. Every field may be missing or wrong here;
 * {@link PetitionService#register(NewPetition)} says which ones are.
 *
 * @param title the subject, in a line
 * @param jurisdiction the 6-digit administrative division code of the place the matter concerns
 * @param receivedAt when the reception center received it; {@code null} means now
 * @param accused the units or persons accused, for an accusation
 * @param confidential the petitioners asked that their names be kept confidential
 * @param linkedPetitions registration numbers of earlier petitions on the same matter
 */
public record NewPetition(Channel channel, PetitionType type, Category category, String title, String content,
                          String jurisdiction, Instant receivedAt, List<Petitioner> petitioners,
                          List<String> accused, boolean confidential, List<String> linkedPetitions) {

    public NewPetition {
        petitioners = petitioners == null ? List.of() : List.copyOf(petitioners);
        accused = accused == null ? List.of() : List.copyOf(accused);
        linkedPetitions = linkedPetitions == null ? List.of() : List.copyOf(linkedPetitions);
    }
}

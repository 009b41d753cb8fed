package org.reception.cases;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

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
public record NewPetition(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Channel channel,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) PetitionType type,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Category category,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = PetitionLimits.TITLE_LENGTH) String title,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = PetitionLimits.CONTENT_LENGTH) String content,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^" + PetitionLimits.JURISDICTION_PATTERN + "$") String jurisdiction,
                          @Schema(description = "When the reception center received it; now when absent") Instant receivedAt,
                          @ArraySchema(minItems = 1, maxItems = PetitionLimits.PETITIONERS, arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED))
                          List<Petitioner> petitioners,
                          @ArraySchema(maxItems = PetitionLimits.ACCUSED,
                                  schema = @Schema(minLength = 1, maxLength = PetitionLimits.ACCUSED_LENGTH))
                          List<String> accused,
                          boolean confidential,
                          @ArraySchema(maxItems = PetitionLimits.LINKED_PETITIONS,
                                  schema = @Schema(pattern = "^" + PetitionLimits.REGISTRATION_NUMBER_PATTERN + "$"))
                          List<String> linkedPetitions) {

    public NewPetition {
        petitioners = petitioners == null ? List.of() : List.copyOf(petitioners);
        accused = accused == null ? List.of() : List.copyOf(accused);
        linkedPetitions = linkedPetitions == null ? List.of() : List.copyOf(linkedPetitions);
    }
}

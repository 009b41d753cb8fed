package org.reception.cases;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A person who brings the petition.
 *
 * @param residentId 18-character resident identity number (GB 11643)
 * @param representative whether the group chose this person to speak for it (Art. 20)
 */
public record Petitioner(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = PetitionLimits.NAME_LENGTH) String name,
                         @Schema(description = "The 18-character resident identity number with its check character;"
                                 + " masked on reading, e.g. ***1234") String residentId,
                         @Schema(description = "5 to 20 digits, spaces or dashes, optionally after +; masked on reading")
                         String phone,
                         @Schema(maxLength = PetitionLimits.ADDRESS_LENGTH) String address,
                         boolean representative) {
}

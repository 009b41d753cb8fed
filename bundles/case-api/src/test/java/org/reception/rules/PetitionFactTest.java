package org.reception.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reception.cases.Category;
import org.reception.cases.Channel;
import org.reception.cases.PetitionType;

class PetitionFactTest {

    /** Logs name a fact by its text (a runaway module, a failing one): they are read by administrators. */
    @Test
    void aFactNamesItsCaseWithoutAWordOfWhatItSaysOrWhomItAccuses() {
        PetitionFact accusation = PetitionFact.builder().registrationNumber("520102-2026-000001")
                .channel(Channel.VISIT).type(PetitionType.ACCUSATION).category(Category.PUBLIC_SECURITY)
                .title("举报城南派出所").content("民警收受财物。").accused(List.of("南明区公安局城南派出所"))
                .jurisdiction("520102").receivedAt(Instant.parse("2026-06-01T02:00:00Z")).build();

        assertEquals("PetitionFact[520102-2026-000001, VISIT, ACCUSATION, PUBLIC_SECURITY, 520102]",
                accusation.toString());
    }
}

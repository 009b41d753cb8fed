package org.reception.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reception.cases.Category;
import org.reception.cases.Channel;
import org.reception.cases.Deadline;
import org.reception.cases.DeadlineKind;
import org.reception.cases.Handling;
import org.reception.cases.Petition;
import org.reception.cases.PetitionStatus;
import org.reception.cases.PetitionType;

/** The same matter, as Art. 19 and Art. 36 mean it: refused on only when certain. */
class SameMatterTest {

    private static final Instant MARCH = Instant.parse("2026-03-02T01:00:00Z");
    private static final String COMPENSATION = "征地补偿款未到位";
    private static final String COMPENSATION_FACTS = "我家承包地于2025年被征收，约定的补偿款至今未发放，村委会称款项已拨付到镇。";

    private final Petition appeal = earlier(PetitionType.APPEAL, COMPENSATION, COMPENSATION_FACTS,
            LocalDate.of(2026, 3, 20));

    @Test
    void theSameFactsRetoldWithAFewWordsChangedAreCertainlyTheSameMatter() {
        assertTrue(SameMatter.certain(PetitionType.APPEAL, "征地补偿款仍未到位",
                "我家承包地于2025年被征收，约定的补偿款至今仍未发放，村委会称款项已拨付到镇。", List.of(), appeal));
    }

    @Test
    void anotherMatterOfTheSamePersonCategoryAndPlaceIsNot() {
        assertFalse(SameMatter.certain(PetitionType.APPEAL, "宅基地被邻居占用", "邻居建房占用我家宅基地约二十平方米，请求处理。",
                List.of(), appeal));
    }

    @Test
    void aLinkByThePetitionerMakesItCertainWhateverTheWords() {
        assertTrue(SameMatter.certain(PetitionType.APPEAL, "再次反映", "仍未解决。", List.of("520102-2026-000001"), appeal));
    }

    /** An accusation against the unit handling a person's appeal goes to the discipline organ: it is not that appeal. */
    @Test
    void aPetitionOfAnotherTypeIsNeverTheSameMatter() {
        assertFalse(SameMatter.certain(PetitionType.ACCUSATION, COMPENSATION, COMPENSATION_FACTS,
                List.of("520102-2026-000001"), appeal));
    }

    @Test
    void art19HoldsOnlyWhileTheEarlierHandlingIsWithinItsTimeLimit() {
        assertTrue(SameMatter.withinTimeLimit(appeal, LocalDate.of(2026, 3, 20)));
        assertFalse(SameMatter.withinTimeLimit(appeal, LocalDate.of(2026, 3, 21)), "its disposal period has passed");
    }

    private static Petition earlier(PetitionType type, String title, String content, LocalDate due) {
        return new Petition("id-1", "520102-2026-000001", Channel.LETTER, type, Category.LAND_RESOURCES, title, content,
                "520102", MARCH, List.of(), List.of(), false, List.of(), PetitionStatus.REGISTERED, null, null,
                List.of(), Handling.NONE, List.of(new Deadline(DeadlineKind.DISPOSE, MARCH, due, null)), List.of(), 0);
    }
}

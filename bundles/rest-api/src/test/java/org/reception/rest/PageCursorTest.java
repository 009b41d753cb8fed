package org.reception.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.reception.cases.Category;
import org.reception.cases.PetitionQuery;
import org.reception.cases.PetitionStatus;
import org.reception.cases.PetitionSummary;
import org.reception.cases.PetitionType;

class PageCursorTest {

    @Test
    void aTokenNamesTheLastCaseOfThePage() {
        Instant received = Instant.parse("2026-03-02T01:30:00.123456Z");
        PetitionSummary last = new PetitionSummary("27c10ffb-fdf5-4f8b-8791-c377161f65b3", "520102-2026-000001",
                PetitionType.APPEAL, Category.OTHER, "t", "520102", received, PetitionStatus.REGISTERED, null, null, false);
        String token = PageCursor.of(last);
        assertEquals(new PetitionQuery.After(received, last.id()), PageCursor.parse(token));
    }

    @Test
    void anythingElseIsRefused() {
        for (String token : new String[] {"", "page2", "!!!", "MjAyNi0wMy0wMlQwMTozMDowMFo=",
                java.util.Base64.getUrlEncoder().encodeToString("2026-03-02T01:30:00Z x' OR 1=1".getBytes()),
                java.util.Base64.getUrlEncoder().encodeToString("yesterday abc".getBytes()), "a".repeat(300)}) {
            assertNull(PageCursor.parse(token), token);
        }
    }
}

package org.reception.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reception.cases.PetitionRejected;
import org.reception.cases.VersionCondition;

/** {@code If-Match} read as RFC 9110 writes it: strong comparison, lists, empty elements, {@code *}. */
class IfMatchTest {

    @Test
    void aListOfTagsIsReadStronglyAndCharacterForCharacter() {
        assertEquals(VersionCondition.oneOf(Set.of(3)), PetitionResource.condition("\"3\""));
        assertEquals(VersionCondition.oneOf(Set.of(3, 4)), PetitionResource.condition(" \"3\" ,\"4\""));
        assertEquals(VersionCondition.oneOf(Set.of(3, 4)), PetitionResource.condition("\"3\", , \"4\","),
                "empty elements are skipped");
        assertEquals(VersionCondition.oneOf(Set.of()), PetitionResource.condition("W/\"3\""), "a weak tag never matches");
        assertEquals(VersionCondition.oneOf(Set.of()), PetitionResource.condition("\"03\""), "not the tag as written");
        assertEquals(VersionCondition.oneOf(Set.of(1)), PetitionResource.condition("\"a,b\", \"1\""),
                "a comma inside a tag is part of it");
        assertEquals(VersionCondition.ANY, PetitionResource.condition(" * "));
        assertEquals(VersionCondition.ABSENT, PetitionResource.condition(null));
        assertEquals(VersionCondition.ABSENT, PetitionResource.condition(" "));
    }

    @Test
    void whatIsNotAnEntityTagListIsRefused() {
        for (String malformed : new String[] {"3", "\"3", ", ,", "\"3\" x", "'; DROP TABLE petition; --"}) {
            assertThrows(PetitionRejected.class, () -> PetitionResource.condition(malformed), malformed);
        }
    }
}

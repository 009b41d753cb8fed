package org.reception.cases.divisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class DivisionsTest {

    private final Divisions divisions = Divisions.reference();

    @Test
    void knowsGuizhouWithItsPrefecturesAndCounties() {
        assertEquals("贵州省", divisions.find("52").orElseThrow().name());
        assertEquals("贵阳市", divisions.find("5201").orElseThrow().name());
        Division nanming = divisions.find("520102").orElseThrow();
        assertEquals("南明区", nanming.name());
        assertEquals(DivisionLevel.COUNTY, nanming.level());
        assertEquals("5201", nanming.parentCode());
    }

    @Test
    void chainRunsFromProvinceDownToTheDivision() {
        List<String> codes = divisions.chain("520102").stream().map(Division::code).toList();
        assertEquals(List.of("52", "5201", "520102"), codes);
    }

    @Test
    void unknownCodesAreNotFound() {
        assertTrue(divisions.find("529999").isEmpty());
        assertTrue(divisions.find(null).isEmpty());
        assertTrue(divisions.chain("999999").isEmpty());
    }

    @Test
    void withinComparesByCodePrefix() {
        assertTrue(Divisions.isWithin("520102", "52"));
        assertTrue(Divisions.isWithin("520102", "5201"));
        assertFalse(Divisions.isWithin("530102", "52"));
    }
}

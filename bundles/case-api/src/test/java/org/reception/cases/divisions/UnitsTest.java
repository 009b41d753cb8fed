package org.reception.cases.divisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The register of units: a department exists at its levels only, and a code is kept in one form. */
class UnitsTest {

    @Test
    void aUnitIsADepartmentOfADivisionAtALevelWhereItExists() {
        Unit police = Units.find("520102-GAJ").orElseThrow();
        assertEquals("南明区公安局", police.name());
        assertEquals(DivisionLevel.COUNTY, police.level());
        assertEquals("5201", police.parentDivision());
        assertEquals(UnitKind.DEPARTMENT, police.kind());

        assertEquals(Optional.of("贵州省公安厅"), Units.name("52-GAT"));
        assertEquals(Optional.empty(), Units.find("520102-GAT"), "a province's department named at a county");
        assertEquals(Optional.empty(), Units.find("52-GAJ"), "a county's department named at the province");
        assertEquals(UnitKind.COURT, Units.find("5201-ZJFY").orElseThrow().kind());
        assertEquals("贵阳市中级人民法院", Units.find("520100-ZJFY").orElseThrow().name());
        assertEquals(UnitKind.DISCIPLINE, Units.find("520102-JJJCW").orElseThrow().kind());
        assertEquals(UnitKind.GOVERNMENT, Units.find("520102-ZF").orElseThrow().kind());
        for (String unknown : List.of("520102-NOBODY", "529999-GAJ", "12345", "", "520102-GAJ\u0000")) {
            assertEquals(Optional.empty(), Units.find(unknown), unknown);
        }
    }

    @Test
    void theUnitsOfADivisionAreThoseOfItsLevel() {
        List<String> nanming = Units.of("520102").stream().map(Unit::code).toList();
        assertTrue(nanming.contains("520102-GAJ") && nanming.contains("520102-JJJCW") && nanming.contains("520102-FY"));
        assertFalse(nanming.contains("520102-GAT") || nanming.contains("520102-ZJFY"), nanming.toString());
        List<String> province = Units.of("52").stream().map(Unit::code).toList();
        assertTrue(province.contains("52-GAT") && province.contains("52-XFJ") && province.contains("52-GJFY"));
        assertFalse(province.contains("52-GAJ"), province.toString());
    }

    @Test
    void aCodeIsKeptInOneForm() {
        assertEquals("520102-GAJ", Units.canonical(" 520102-gaj\t"));
        assertEquals("5201-ZRZYHGHJ", Units.canonical("520100-ZRZYHGHJ"));
        assertEquals("52-XFJ", Units.canonical("520000-xfj"));
        assertEquals("<script>", Units.canonical("<script>"));
    }
}

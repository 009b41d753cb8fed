package org.reception.cases.divisions;

/**
 * A unit of the register: an organ of one division.
 *
 * @param code the unit's code in the form the platform keeps, {@code 520102-GAJ}, {@code 5201-ZJFY}, {@code 52-GAT}
 * @param name the division's name and the department's, 南明区公安局
 * @param division the division the unit belongs to; its level is the unit's, its parent the division above
 */
public record Unit(String code, String name, Division division, UnitKind kind) {

    public DivisionLevel level() {
        return division.level();
    }

    /** The division above the unit's own, whose organs answer for it (Art. 35, 36); {@code null} for the province. */
    public String parentDivision() {
        return division.parentCode();
    }
}

package org.reception.cases.divisions;

/**
 * An administrative division (行政区划).
 *
 * @param parentCode the code of the division above, or {@code null} for a province
 */
public record Division(String code, String name, DivisionLevel level, String parentCode) {
}

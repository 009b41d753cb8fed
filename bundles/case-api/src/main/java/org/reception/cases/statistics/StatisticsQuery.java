package org.reception.cases.statistics;

/**
 * What statistics a caller asks for.
 *
 * @param jurisdiction a division code of 2, 4 or 6 digits (trailing zeros allowed): its subtree
 */
public record StatisticsQuery(String jurisdiction, Period period, Dimension by) {
}

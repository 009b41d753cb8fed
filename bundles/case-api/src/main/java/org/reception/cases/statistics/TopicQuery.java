package org.reception.cases.statistics;

/**
 * Which hot topics (热点问题) a caller asks for.
 *
 * @param jurisdiction a division code of 2, 4 or 6 digits (trailing zeros allowed): its subtree
 * @param period the period whose petitions are read; it is compared with {@link Period#previous()}
 * @param limit how many topics each list holds, 1 to 50
 */
public record TopicQuery(String jurisdiction, Period period, int limit) {
}

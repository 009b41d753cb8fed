package org.reception.rules.admin;

/**
 * A rule module that serves, as administrators see it.
 *
 * @param jurisdiction the division code it decides for
 * @param ruleCount how many rules it holds
 * @param origin where it came from, e.g. {@code bundle 57 (org.reception.province-base)}
 */
public record RuleModuleInfo(String id, String version, String jurisdiction, int ruleCount, String origin) {
}

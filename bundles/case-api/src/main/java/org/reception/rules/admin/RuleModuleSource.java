package org.reception.rules.admin;

import java.util.Map;
import java.util.TreeMap;

/**
 * A rule module as it arrives, before compilation.
 *
 * @param id the module's name, e.g. {@code province-base}
 * @param version the module's version, e.g. the bundle version
 * @param jurisdiction the division code it decides for: 2, 4 or 6 digits
 * @param drl the DRL files by path, in a stable order
 * @param tests the module's test cases ({@code .properties} text) by path, in a stable order
 * @param origin where it came from, for operators: e.g. {@code bundle 57 (org.reception.province-base)}
 */
public record RuleModuleSource(String id, String version, String jurisdiction, Map<String, String> drl,
                               Map<String, String> tests, String origin) {
    public RuleModuleSource {
        drl = new TreeMap<>(drl);
        tests = new TreeMap<>(tests);
    }
}

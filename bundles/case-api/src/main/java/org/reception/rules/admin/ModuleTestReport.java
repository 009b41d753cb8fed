package org.reception.rules.admin;

import java.util.List;

/** The outcome of a module's own test cases. */
public record ModuleTestReport(String moduleId, String version, boolean passed, List<Result> results) {

    public ModuleTestReport {
        results = List.copyOf(results);
    }

    public ModuleTestReport(String moduleId, String version, List<Result> results) {
        this(moduleId, version, results.stream().allMatch(Result::passed), results);
    }

    /** One test case: its file, and what did not hold (empty if it passed). */
    public record Result(String testCase, boolean passed, List<String> failures) {
        public Result {
            failures = List.copyOf(failures);
        }

        public Result(String testCase, List<String> failures) {
            this(testCase, failures.isEmpty(), failures);
        }
    }
}

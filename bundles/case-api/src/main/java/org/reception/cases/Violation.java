package org.reception.cases;

import java.util.List;
import java.util.stream.Collectors;

/** One thing wrong with an input: which field, and what is wrong with it. */
public record Violation(String field, String message) {

    /** {@code title: is required; content: is longer than 20000 characters}: violations as every face words them. */
    public static String describe(List<Violation> violations) {
        return violations.stream().map(violation -> violation.field() + ": " + violation.message())
                .collect(Collectors.joining("; "));
    }
}

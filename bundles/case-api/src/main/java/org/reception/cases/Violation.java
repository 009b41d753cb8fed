package org.reception.cases;

/** One thing wrong with an input: which field, and what is wrong with it. */
public record Violation(String field, String message) {
}

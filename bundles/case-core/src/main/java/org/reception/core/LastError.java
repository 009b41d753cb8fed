package org.reception.core;

/**
 * The words an operator reads as a delivery's last error: the first message found along the
 * exception's causes (the platform's own clients name the host and the cause there, e.g.
 * {@code county.example:8443: connection refused}), or the kind of failure in words when no
 * exception on the way says anything; never {@code null}, at most {@value #MAX_LENGTH} characters.
 */
final class LastError {

    static final int MAX_LENGTH = 300;

    private LastError() {
    }

    static String of(Throwable failure) {
        String words = null;
        for (Throwable cause = failure; cause != null && words == null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && !message.isBlank() && !"null".equals(message.strip())) {
                words = message.strip();
            }
        }
        if (words == null) {
            words = failure == null ? "failed" : kind(failure);
        }
        words = words.replaceAll("\\s+", " ");
        return words.length() > MAX_LENGTH ? words.substring(0, MAX_LENGTH - 1) + "…" : words;
    }

    /** {@code ConnectException} as {@code connect exception}: the class without its package, in words. */
    private static String kind(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        return innermost.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }
}

package org.reception.shell;

/**
 * The platform's services as commands use them. Commands take them as optional references, so that
 * every command stays in the shell while the store is down (for want of its key file, say), and the
 * ones that need it say so instead of vanishing.
 */
final class Running {

    private Running() {
    }

    static <T> T required(T service) {
        if (service == null) {
            throw new IllegalStateException("the platform is not serving now (the store is down or starting);"
                    + " GET /api/v1/health says why");
        }
        return service;
    }
}

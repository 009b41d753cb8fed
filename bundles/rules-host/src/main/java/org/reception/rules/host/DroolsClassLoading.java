package org.reception.rules.host;

import java.util.function.Supplier;

/**
 * Drools looks up its own parts (kie.conf services) and the fact classes through the thread's
 * context class loader. In OSGi that loader is whatever the calling thread happens to carry, so
 * every entry into Drools runs with this bundle's class loader, which holds the embedded engine
 * and imports the rule contract.
 */
final class DroolsClassLoading {

    static final ClassLoader HOST = DroolsClassLoading.class.getClassLoader();

    private DroolsClassLoading() {
    }

    static <T> T withHostClassLoader(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(HOST);
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}

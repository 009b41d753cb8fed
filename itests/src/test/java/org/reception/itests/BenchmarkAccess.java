package org.reception.itests;

import java.net.URI;

/** Lets the load harnesses under {@code bench} boot the distribution as the end-to-end tests do. */
public final class BenchmarkAccess {

    private BenchmarkAccess() {
    }

    /** A started copy of the distribution on free ports; closing it stops it. */
    public static Platform boot(String name) throws Exception {
        KarafInstance karaf = KarafInstance.create(name);
        karaf.start();
        return new Platform(karaf);
    }

    public static final class Platform implements AutoCloseable {
        private final KarafInstance karaf;

        Platform(KarafInstance karaf) {
            this.karaf = karaf;
        }

        public URI api(String path) {
            return karaf.api(path);
        }

        /** The {@code Authorization} header of a clerk of the whole province. */
        public String clerkAuthorization() {
            return Account.OPERATOR.authorization();
        }

        @Override
        public void close() throws Exception {
            karaf.close();
        }
    }
}

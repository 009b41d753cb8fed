package org.reception.itests;

import java.util.Set;
import java.util.TreeSet;

/**
 * The features the distribution is meant to run: the boot features and what they need. A feature
 * that appears or disappears fails the test, so that every change to the platform's footprint is
 * a decision, not an accident.
 */
final class InstalledFeatures {

    static final Set<String> INTENDED = new TreeSet<>(Set.of(
            // The platform
            "reception", "reception-api", "reception-core", "reception-store", "reception-rules-host",
            "reception-rules-province-base", "reception-rest", "reception-soap", "reception-outbound",
            "reception-shell", "reception-desk", "reception-reports",
            // Karaf: the operator's shell and the deploy/ folder
            "feature", "shell", "deployer", "bundle", "config", "diagnostic", "jaas", "log", "package",
            "service", "system", "kar", "ssh", "scr",
            // Passwords hashed with bcrypt in the realm
            "spring-security-crypto-encryption",
            // HTTP, and the Whiteboard the desk's servlet is published with
            "pax-web-http", "http", "pax-web-core", "pax-web-jetty", "pax-web-http-jetty", "pax-web-whiteboard",
            // CXF JAX-RS with Jackson
            "cxf-specs", "cxf-core", "cxf-commands", "cxf-rt-security", "cxf-http", "cxf-jaxrs", "cxf-jackson",
            // CXF JAX-WS: the SOAP petitions service for county systems
            "cxf-jaxws", "cxf-wsdl", "cxf-bindings-soap", "cxf-databinding-jaxb", "saaj-impl",
            // The DataSource: pax-jdbc with embedded Derby and HikariCP
            "pax-jdbc-spec", "pax-jdbc-config", "pax-jdbc-derby", "pax-jdbc-pool-hikaricp"));

    private InstalledFeatures() {
    }
}

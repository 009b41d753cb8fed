package org.reception.outbound;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Reception county system",
        description = "A county's (or city's) system that takes the cases transferred or assigned to its units.")
public @interface CountySystemConfig {

    /** Factory PID: one {@code etc/org.reception.county-<code>.cfg} per county system. */
    String FACTORY_PID = "org.reception.county";

    @AttributeDefinition(name = "Destination",
            description = "The division code the system serves: cases disposed to units of this code (e.g. 520102-ZJJ) go to it.")
    String destination();

    @AttributeDefinition(name = "Protocol", description = "REST (JSON POST) or SOAP (ReceiveCase of county-v1.wsdl).")
    Protocol protocol() default Protocol.REST;

    @AttributeDefinition(name = "URL", description = "Where the county system takes cases (http or https).")
    String url();

    @AttributeDefinition(name = "Timeout (s)", description = "How long one delivery may take.", min = "1")
    int timeoutSeconds() default 10;

    @AttributeDefinition(name = "Authentication",
            description = "How the platform signs in to the county system: NONE, BASIC (user and passwordFile) or"
                    + " BEARER (tokenFile).")
    Authentication authentication() default Authentication.NONE;

    @AttributeDefinition(name = "User", description = "The user name of HTTP Basic (authentication = BASIC).", required = false)
    String user() default "";

    @AttributeDefinition(name = "Password file",
            description = "The file holding the HTTP Basic password, alone (authentication = BASIC); relative to etc/."
                    + " The password is never written in this configuration.", required = false)
    String passwordFile() default "";

    @AttributeDefinition(name = "Token file",
            description = "The file holding the bearer token, alone (authentication = BEARER); relative to etc/.",
            required = false)
    String tokenFile() default "";

    @AttributeDefinition(name = "Client certificate key store",
            description = "A PKCS12 key store with the platform's client certificate and its key, for county systems"
                    + " that require one over https; relative to etc/. Empty: no client certificate.", required = false)
    String keyStore() default "";

    @AttributeDefinition(name = "Key store password file",
            description = "The file holding the password of keyStore (and of its key); relative to etc/.", required = false)
    String keyStorePasswordFile() default "";

    @AttributeDefinition(name = "Trust store",
            description = "The certificates trusted for the county system's https server (e.g. its own self-signed"
                    + " certificate or its CA); relative to etc/. Empty: the JVM's default trust.", required = false)
    String trustStore() default "";

    @AttributeDefinition(name = "Trust store type", description = "PKCS12 or JKS.")
    String trustStoreType() default "PKCS12";

    @AttributeDefinition(name = "Trust store password file",
            description = "The file holding the trust store's password, if it has one; relative to etc/.", required = false)
    String trustStorePasswordFile() default "";

    enum Protocol {
        REST,
        SOAP
    }

    enum Authentication {
        NONE,
        BASIC,
        BEARER
    }
}

package org.reception.core;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Reception accounts", description = "How the platform checks the accounts of its endpoints.")
@interface AccessConfig {

    String PID = "org.reception.access";

    @AttributeDefinition(description = "The JAAS realm that holds the accounts and their roles")
    String realm() default "karaf";

    @AttributeDefinition(description = "Seconds a checked password is trusted before the realm is asked again;"
            + " role changes take effect after at most this long. 0 asks the realm on every request.")
    int trustSeconds() default 30;
}

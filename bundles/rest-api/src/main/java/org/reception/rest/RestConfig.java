package org.reception.rest;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Reception REST API", description = "Limits of the REST and Open311 faces.")
@interface RestConfig {

    String PID = "org.reception.rest";

    @AttributeDefinition(description = "Receipt lookups (the only read without an account) one client address"
            + " may make per minute")
    int receiptLookupsPerMinute() default 10;
}

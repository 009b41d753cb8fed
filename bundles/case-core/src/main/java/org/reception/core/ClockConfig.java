package org.reception.core;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Reception clock",
        description = "The platform's time. Only for tests and drills: shifts every time the platform uses.")
public @interface ClockConfig {

    String PID = "org.reception.clock";

    @AttributeDefinition(name = "Offset",
            description = "ISO 8601 duration added to the system time, e.g. P16D or -PT2H. PT0S in production.")
    String offset() default "PT0S";
}

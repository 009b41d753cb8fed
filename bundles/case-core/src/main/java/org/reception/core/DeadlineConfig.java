package org.reception.core;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Reception deadline watch",
        description = "How often the platform looks for petitions whose legal time limits are near or passed.")
public @interface DeadlineConfig {

    String PID = "org.reception.deadlines";

    @AttributeDefinition(name = "Scan interval (seconds)", min = "1")
    int scanSeconds() default 60;

    @AttributeDefinition(name = "Due soon (days)",
            description = "A pending step due within this many days raises a due-soon event.", min = "0")
    int dueSoonDays() default 3;
}

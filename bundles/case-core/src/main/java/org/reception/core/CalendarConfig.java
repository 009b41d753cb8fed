package org.reception.core;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Reception working-day calendar",
        description = "Public holidays and make-up working days, published each year by the State Council.")
public @interface CalendarConfig {

    String PID = "org.reception.calendar";

    @AttributeDefinition(name = "Holidays",
            description = "Days off that would otherwise be working days, as ISO dates separated by commas.")
    String holidays() default "";

    @AttributeDefinition(name = "Make-up working days",
            description = "Weekend days that are working days (调休上班), as ISO dates separated by commas.")
    String workdays() default "";
}

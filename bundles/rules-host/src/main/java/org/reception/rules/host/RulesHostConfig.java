package org.reception.rules.host;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Reception rules host",
        description = "How the platform runs the jurisdiction rule modules.")
public @interface RulesHostConfig {

    String PID = "org.reception.rules";

    @AttributeDefinition(name = "Fire limit",
            description = "Most rule firings one module may take for one decision; a module that reaches it is deemed runaway and its decision ignored.",
            min = "1")
    int fireLimit() default 10_000;
}

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

    @AttributeDefinition(name = "Time limit (ms)",
            description = "Longest one module may take for one decision; a module that outlives it decides nothing for that petition and is suspended until a new version arrives.",
            min = "10")
    long timeLimitMillis() default 2_000;

    @AttributeDefinition(name = "Versions kept",
            description = "How many replaced versions of each jurisdiction's module are kept for a rollback.",
            min = "1")
    int keptVersions() default 3;

    @AttributeDefinition(name = "Withdrawal delay (s)",
            description = "How long a module whose bundle stopped keeps deciding before it is withdrawn, so that an update in place (stop, update, start) never leaves a gap. An uninstalled bundle's module is withdrawn at once.",
            min = "0")
    int withdrawDelaySeconds() default 10;
}

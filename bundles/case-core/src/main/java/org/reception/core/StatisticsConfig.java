package org.reception.core;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Reception statistics",
        description = "How the statistics protect the few cases of a small unit.")
public @interface StatisticsConfig {

    String PID = "org.reception.statistics";

    @AttributeDefinition(name = "Minimum cell",
            description = "In a breakdown by handling unit, a count from 1 to one below this is shown as \"<n\" to"
                    + " readers who do not oversee the whole jurisdiction (supervisors of it, auditors and"
                    + " administrators see it exactly). 1 shows every count.", min = "1", max = "100")
    int minimumCell() default 3;
}

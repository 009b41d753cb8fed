package org.reception.core;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Reception platform",
        description = "What the platform serves.")
public @interface PlatformConfig {

    String PID = "org.reception.platform";

    @AttributeDefinition(name = "Province",
            description = "2-digit code of the province this platform serves (52: Guizhou). Petitions must concern a county of it.")
    String provinceCode() default "52";
}

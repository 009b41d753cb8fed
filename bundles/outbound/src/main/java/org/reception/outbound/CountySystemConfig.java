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

    @AttributeDefinition(name = "URL", description = "Where the county system takes cases.")
    String url();

    @AttributeDefinition(name = "Timeout (s)", description = "How long one delivery may take.", min = "1")
    int timeoutSeconds() default 10;

    enum Protocol {
        REST,
        SOAP
    }
}

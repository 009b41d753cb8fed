package org.reception.soap.v1;

import javax.xml.ws.WebFault;

/** The fault {@code PetitionFault}: a stable {@code code}, a message, the fields at fault. */
@WebFault(name = "PetitionFault", targetNamespace = Petitions.NAMESPACE)
public class PetitionFault extends Exception {

    private static final long serialVersionUID = 1L;

    private final PetitionFaultInfo faultInfo;

    public PetitionFault(String message, PetitionFaultInfo faultInfo) {
        super(message);
        this.faultInfo = faultInfo;
    }

    public PetitionFaultInfo getFaultInfo() {
        return faultInfo;
    }
}

package org.reception.soap.v1;

import javax.xml.bind.annotation.XmlRootElement;
import javax.xml.bind.annotation.XmlType;

@XmlRootElement(name = "GetPetitionStatusRequest")
@XmlType(name = "", propOrder = {"registrationNumber"})
public class GetPetitionStatusRequest {

    public String registrationNumber;
}

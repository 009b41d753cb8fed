package org.reception.soap.v1;

import javax.xml.bind.annotation.XmlRootElement;
import javax.xml.bind.annotation.XmlType;

@XmlRootElement(name = "SubmitPetitionResponse")
@XmlType(name = "", propOrder = {"registrationNumber", "queryCode", "status", "unitCode", "unitName", "replayed"})
public class SubmitPetitionResponse {

    public String registrationNumber;
    public String queryCode;
    public String status;
    public String unitCode;
    public String unitName;
    public boolean replayed;
}

package org.reception.soap.v1;

import javax.xml.bind.annotation.XmlRootElement;
import javax.xml.bind.annotation.XmlType;

@XmlRootElement(name = "CaseUpdated")
@XmlType(name = "", propOrder = {"registrationNumber", "status", "version"})
public class CaseUpdated {

    public String registrationNumber;
    public String status;
    public int version;
}

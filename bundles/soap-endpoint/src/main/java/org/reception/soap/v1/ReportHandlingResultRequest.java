package org.reception.soap.v1;

import javax.xml.bind.annotation.XmlRootElement;
import javax.xml.bind.annotation.XmlType;

@XmlRootElement(name = "ReportHandlingResultRequest")
@XmlType(name = "", propOrder = {"registrationNumber", "expectedVersion", "actor", "reply"})
public class ReportHandlingResultRequest {

    public String registrationNumber;
    public Integer expectedVersion;
    public String actor;
    public String reply;
}

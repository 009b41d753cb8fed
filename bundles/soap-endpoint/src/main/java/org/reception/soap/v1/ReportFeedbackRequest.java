package org.reception.soap.v1;

import javax.xml.bind.annotation.XmlRootElement;
import javax.xml.bind.annotation.XmlType;

@XmlRootElement(name = "ReportFeedbackRequest")
@XmlType(name = "", propOrder = {"registrationNumber", "expectedVersion", "actor", "satisfaction"})
public class ReportFeedbackRequest {

    public String registrationNumber;
    public Integer expectedVersion;
    public String actor;
    public String satisfaction;
}

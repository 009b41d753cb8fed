package org.reception.soap.v1;

import javax.xml.bind.annotation.XmlRootElement;
import javax.xml.bind.annotation.XmlType;
import javax.xml.datatype.XMLGregorianCalendar;

@XmlRootElement(name = "GetPetitionStatusResponse")
@XmlType(name = "", propOrder = {"registrationNumber", "status", "open", "unitCode", "receivedAt", "nextDue", "reply",
        "satisfaction", "version"})
public class GetPetitionStatusResponse {

    public String registrationNumber;
    public String status;
    public boolean open;
    public String unitCode;
    public XMLGregorianCalendar receivedAt;
    public XMLGregorianCalendar nextDue;
    public String reply;
    public String satisfaction;
    public int version;
}

package org.reception.soap.v1;

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlRootElement;
import javax.xml.bind.annotation.XmlType;

@XmlRootElement(name = "PetitionFault")
@XmlType(name = "", propOrder = {"code", "message", "violation"})
public class PetitionFaultInfo {

    public String code;
    public String message;
    public List<Violation> violation = new ArrayList<>();

    @XmlType(name = "", propOrder = {"field", "message"})
    public static class Violation {
        public String field;
        public String message;
    }
}

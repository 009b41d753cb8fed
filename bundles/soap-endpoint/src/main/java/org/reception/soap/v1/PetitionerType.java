package org.reception.soap.v1;

import javax.xml.bind.annotation.XmlType;

@XmlType(name = "Petitioner", propOrder = {"name", "residentId", "phone", "address", "representative"})
public class PetitionerType {

    public String name;
    public String residentId;
    public String phone;
    public String address;
    public Boolean representative;
}

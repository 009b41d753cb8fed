package org.reception.soap.v1;

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlRootElement;
import javax.xml.bind.annotation.XmlType;
import javax.xml.datatype.XMLGregorianCalendar;

@XmlRootElement(name = "SubmitPetitionRequest")
@XmlType(name = "", propOrder = {"idempotencyKey", "type", "category", "title", "content", "jurisdiction",
        "receivedAt", "petitioner", "accused", "confidential", "linkedPetition"})
public class SubmitPetitionRequest {

    public String idempotencyKey;
    public String type;
    public String category;
    public String title;
    public String content;
    public String jurisdiction;
    public XMLGregorianCalendar receivedAt;
    public List<PetitionerType> petitioner = new ArrayList<>();
    public List<String> accused = new ArrayList<>();
    public Boolean confidential;
    public List<String> linkedPetition = new ArrayList<>();
}

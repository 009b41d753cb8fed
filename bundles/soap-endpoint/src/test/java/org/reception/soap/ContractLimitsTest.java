package org.reception.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reception.cases.PetitionLimits;
import org.w3c.dom.Document;

/** The schema a county system is given states the platform's own limits, not others. */
class ContractLimitsTest {

    private static Document schema;
    private static XPath xpath;

    @BeforeAll
    static void readSchema() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        try (InputStream in = ContractLimitsTest.class.getResourceAsStream("/wsdl/petitions-v1.xsd")) {
            schema = factory.newDocumentBuilder().parse(in);
        }
        xpath = XPathFactory.newInstance().newXPath();
    }

    @Test
    void textsAreAsLongAsTheIntakeTakes() throws Exception {
        assertEquals(PetitionLimits.TITLE_LENGTH, maxLength("SubmitPetitionRequest", "title"));
        assertEquals(PetitionLimits.CONTENT_LENGTH, maxLength("SubmitPetitionRequest", "content"));
        assertEquals(PetitionLimits.ACCUSED_LENGTH, maxLength("SubmitPetitionRequest", "accused"));
        assertEquals(PetitionLimits.NAME_LENGTH, maxLength("Petitioner", "name"));
        assertEquals(PetitionLimits.ADDRESS_LENGTH, maxLength("Petitioner", "address"));
        assertEquals(PetitionLimits.TEXT_LENGTH, maxLength("ReportHandlingResultRequest", "reply"));
    }

    @Test
    void listsAreAsLongAsTheIntakeTakes() throws Exception {
        assertEquals(PetitionLimits.PETITIONERS, maxOccurs("SubmitPetitionRequest", "petitioner"));
        assertEquals(PetitionLimits.ACCUSED, maxOccurs("SubmitPetitionRequest", "accused"));
        assertEquals(PetitionLimits.LINKED_PETITIONS, maxOccurs("SubmitPetitionRequest", "linkedPetition"));
    }

    @Test
    void phonesHaveTheIntakesPattern() throws Exception {
        assertEquals(PetitionLimits.PHONE_PATTERN, facet(type("Petitioner", "phone"), "pattern"));
    }

    private static int maxLength(String parent, String element) throws Exception {
        return Integer.parseInt(facet(type(parent, element), "maxLength"));
    }

    private static int maxOccurs(String parent, String element) throws Exception {
        return Integer.parseInt(xpath.evaluate(declaration(parent, element) + "/@maxOccurs", schema));
    }

    private static String declaration(String parent, String element) {
        return "//*[(local-name()='element' or local-name()='complexType') and @name='" + parent + "']"
                + "//*[local-name()='element' and @name='" + element + "']";
    }

    /** The named simple type of the element (tns:Text200 is Text200). */
    private static String type(String parent, String element) throws Exception {
        String type = xpath.evaluate(declaration(parent, element) + "/@type", schema);
        assertEquals("tns:", type.substring(0, 4), parent + "/" + element + " has a type of the contract");
        return type.substring(4);
    }

    private static String facet(String type, String facet) throws Exception {
        return xpath.evaluate("//*[local-name()='simpleType' and @name='" + type + "']//*[local-name()='" + facet
                + "']/@value", schema);
    }
}

package org.reception.soap;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** The element names the contract's schema declares, and those that may repeat: what a fault's field path is made of. */
record SchemaNames(Set<String> elements, Set<String> repeating) {

    static final String SCHEMA = "/wsdl/petitions-v1.xsd";
    private static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;

    SchemaNames {
        elements = Set.copyOf(elements);
        repeating = Set.copyOf(repeating);
    }

    static SchemaNames ofContract() {
        try (InputStream in = SchemaNames.class.getResourceAsStream(SCHEMA)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            NodeList declared = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS(XSD, "element");
            Set<String> elements = new HashSet<>();
            Set<String> repeating = new HashSet<>();
            for (int i = 0; i < declared.getLength(); i++) {
                Element element = (Element) declared.item(i);
                elements.add(element.getAttribute("name"));
                String most = element.getAttribute("maxOccurs");
                if (!most.isEmpty() && !"1".equals(most)) {
                    repeating.add(element.getAttribute("name"));
                }
            }
            return new SchemaNames(elements, repeating);
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the bundle's own schema " + SCHEMA + " cannot be read", e);
        }
    }
}

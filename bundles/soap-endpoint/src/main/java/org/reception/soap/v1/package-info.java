/**
 * The classes of the contract {@code wsdl/petitions-v1.wsdl} and {@code petitions-v1.xsd}
 * (namespace {@code urn:reception:petitions:v1}), written to it by hand; the endpoint validates
 * every message against the schema, so they cannot drift from it unnoticed.
 */
@XmlSchema(namespace = Petitions.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED)
@XmlAccessorType(XmlAccessType.FIELD)
package org.reception.soap.v1;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlNsForm;
import javax.xml.bind.annotation.XmlSchema;

package org.reception.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.StringReader;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stax.StAXSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reception.cases.PetitionRejected;
import org.reception.cases.Problem;
import org.reception.cases.Violation;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** The schema's refusals, in the platform's words, each naming its field and none repeating its value. */
class SchemaViolationsTest {

    private static final String NS = "urn:reception:petitions:v1";
    private static final SchemaNames NAMES = SchemaNames.ofContract();
    private static Schema schema;

    @BeforeAll
    static void readSchema() throws Exception {
        schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(SchemaViolationsTest.class.getResource(SchemaNames.SCHEMA));
    }

    @Test
    void theSchemaNamesTheRepeatingElements() {
        assertEquals(java.util.Set.of("petitioner", "accused", "linkedPetition", "violation"), NAMES.repeating());
    }

    @Test
    void aMissingElementIsNamedAsRequired() throws Exception {
        PetitionRejected refused = validate(submission("", "内容", petitioner("张三", "11010519491231002X")));
        assertEquals(Problem.INVALID_PETITION, refused.problem(), refused.violations().toString());
        assertEquals(List.of(new Violation("title", "is required (before content)")), refused.violations());
    }

    @Test
    void aTooLongTextIsNamedWithoutItsValue() throws Exception {
        String content = "长".repeat(20_001);
        PetitionRejected refused = validate(submission("<t:title>噪音</t:title>", content,
                petitioner("张三", "11010519491231002X")));
        assertEquals(Problem.INVALID_PETITION, refused.problem(), refused.violations().toString());
        assertEquals("content", refused.violations().get(0).field());
        assertEquals("is longer than 20000 characters", refused.violations().get(0).message());
        assertFalse(refused.getMessage().contains("长长"), refused.getMessage());
    }

    @Test
    void aValueOutsideItsPatternNamesTheFieldAndThePattern() throws Exception {
        PetitionRejected refused = validate("<t:GetPetitionStatusRequest xmlns:t=\"" + NS + "\">"
                + "<t:registrationNumber>520103-26-1</t:registrationNumber></t:GetPetitionStatusRequest>");
        assertEquals(Problem.INVALID_PETITION, refused.problem(), refused.violations().toString());
        assertEquals(new Violation("registrationNumber", "must match the pattern [0-9]{6}-[0-9]{4}-[0-9]{6}"),
                refused.violations().get(0));
        assertFalse(refused.getMessage().contains("520103-26-1"), refused.getMessage());
    }

    @Test
    void aNestedFieldIsNamedByItsPath() throws Exception {
        PetitionRejected refused = validate(submission("<t:title>噪音</t:title>", "内容",
                petitioner("张三", "11010519491231002X") + petitioner("李四", "1101051949")));
        assertEquals("petitioner[1].residentId", refused.violations().get(0).field());
    }

    @Test
    void aMissingElementOfAPetitionerIsNamedByItsPath() throws Exception {
        PetitionRejected refused = validate(submission("<t:title>噪音</t:title>", "内容",
                petitioner("张三", "11010519491231002X") + "<t:petitioner><t:name>李四</t:name></t:petitioner>"));
        assertEquals(List.of(new Violation("petitioner[1].residentId", "is required")), refused.violations());
    }

    @Test
    void oneTooManyOfAKindIsNamedWithItsLimit() throws Exception {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 501; i++) {
            many.append(petitioner("张三", "11010519491231002X"));
        }
        PetitionRejected refused = validate(submission("<t:title>噪音</t:title>", "内容", many.toString()));
        assertEquals(Problem.INVALID_PETITION, refused.problem(), refused.violations().toString());
        assertEquals(new Violation("petitioner", "may occur at most 500 times"), refused.violations().get(0));
    }

    @Test
    void anUnknownElementOrAWrongTypeIsMalformed() throws Exception {
        PetitionRejected unknown = validate(submission("<t:title>噪音</t:title><t:titel>x</t:titel>", "内容",
                petitioner("张三", "11010519491231002X")));
        assertEquals(Problem.MALFORMED_REQUEST, unknown.problem());
        assertEquals(new Violation("titel", "is not an element of this request"), unknown.violations().get(0));

        PetitionRejected wrongType = validate("<t:ReportFeedbackRequest xmlns:t=\"" + NS + "\">"
                + "<t:registrationNumber>520103-2026-000001</t:registrationNumber><t:expectedVersion>one</t:expectedVersion>"
                + "<t:actor>county</t:actor><t:satisfaction>SATISFIED</t:satisfaction></t:ReportFeedbackRequest>");
        assertEquals(Problem.MALFORMED_REQUEST, wrongType.problem());
        assertEquals(new Violation("expectedVersion", "is not a valid integer"), wrongType.violations().get(0));
    }

    private static String submission(String title, String content, String petitioners) {
        return "<t:SubmitPetitionRequest xmlns:t=\"" + NS + "\"><t:type>APPEAL</t:type><t:category>ENVIRONMENT</t:category>"
                + title + "<t:content>" + content + "</t:content><t:jurisdiction>520103</t:jurisdiction>" + petitioners
                + "</t:SubmitPetitionRequest>";
    }

    private static String petitioner(String name, String residentId) {
        return "<t:petitioner><t:name>" + name + "</t:name><t:residentId>" + residentId + "</t:residentId></t:petitioner>";
    }

    /** Validates as the endpoint does: through an element path, every schema message told to the violations. */
    private static PetitionRejected validate(String xml) throws Exception {
        XMLStreamReader reader = XMLInputFactory.newFactory().createXMLStreamReader(new StringReader(xml));
        reader.nextTag();
        ElementPath path = new ElementPath(reader, NAMES);
        SchemaViolations violations = new SchemaViolations(NAMES);
        SchemaViolations.Found found = new SchemaViolations.Found();
        Validator validator = schema.newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                violations.describe(e.getMessage(), path, found);
            }

            @Override
            public void error(SAXParseException e) {
                violations.describe(e.getMessage(), path, found);
            }

            @Override
            public void fatalError(SAXParseException e) {
                violations.describe(e.getMessage(), path, found);
            }
        });
        validator.validate(new StAXSource(path));
        return found.refusal();
    }
}

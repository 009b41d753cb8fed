package org.reception.rest;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Open311 GeoReport v2 answers, in JSON or XML as the path's extension asks. A document is a list
 * of items (maps of field to value, a value a string, number, boolean, null or a list of maps);
 * in XML the list is an element named for the collection and each item one named for an entry:
 * {@code <service_requests><request>…</request></service_requests>}.
 */
final class Open311Documents {

    static final String JSON = "json";
    static final String XML = "xml";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The XML element of each entry of a nested list. */
    private static final Map<String, String> ENTRY_OF = Map.of("attributes", "attribute", "values", "value");

    private Open311Documents() {
    }

    static Response answer(Response.Status status, String format, String collection, String entry,
                           List<Map<String, Object>> items) {
        return Response.status(status).type(mediaType(format)).entity(render(format, collection, entry, items))
                .build();
    }

    static Response ok(String format, String collection, String entry, List<Map<String, Object>> items) {
        return answer(Response.Status.OK, format, collection, entry, items);
    }

    /** One object, not a list: the service definition. */
    static Response single(String format, String entry, Map<String, Object> item) {
        try {
            byte[] body = XML.equals(format) ? xml(null, entry, List.of(item)) : MAPPER.writeValueAsBytes(item);
            return Response.ok(body, mediaType(format)).build();
        } catch (JsonProcessingException | XMLStreamException e) {
            throw new IllegalStateException("an Open311 answer could not be written", e);
        }
    }

    /** The spec's error answer: {@code [{"code": 404, "description": "…"}]}. */
    static Response error(String format, int status, String description) {
        Map<String, Object> error = new java.util.LinkedHashMap<>();
        error.put("code", status);
        error.put("description", description);
        return Response.status(status).type(mediaType(format))
                .entity(render(format, "errors", "error", List.of(error))).build();
    }

    static MediaType mediaType(String format) {
        return XML.equals(format) ? MediaType.APPLICATION_XML_TYPE.withCharset("utf-8")
                : MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8");
    }

    private static byte[] render(String format, String collection, String entry, List<Map<String, Object>> items) {
        try {
            return XML.equals(format) ? xml(collection, entry, items) : MAPPER.writeValueAsBytes(items);
        } catch (JsonProcessingException | XMLStreamException e) {
            throw new IllegalStateException("an Open311 answer could not be written", e);
        }
    }

    private static byte[] xml(String collection, String entry, List<Map<String, Object>> items)
            throws XMLStreamException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        if (collection == null) {
            entries(xml, entry, items);
        } else {
            list(xml, collection, entry, items);
        }
        xml.writeEndDocument();
        xml.close();
        return out.toByteArray();
    }

    private static void list(XMLStreamWriter xml, String collection, String entry, List<Map<String, Object>> items)
            throws XMLStreamException {
        xml.writeStartElement(collection);
        entries(xml, entry, items);
        xml.writeEndElement();
    }

    @SuppressWarnings("unchecked")
    private static void entries(XMLStreamWriter xml, String entry, List<Map<String, Object>> items)
            throws XMLStreamException {
        for (Map<String, Object> item : items) {
            xml.writeStartElement(entry);
            for (Map.Entry<String, Object> field : item.entrySet()) {
                Object value = field.getValue();
                if (value instanceof List<?> nested) {
                    list(xml, field.getKey(), ENTRY_OF.getOrDefault(field.getKey(), "item"),
                            (List<Map<String, Object>>) nested);
                } else {
                    xml.writeStartElement(field.getKey());
                    if (value != null) {
                        xml.writeCharacters(String.valueOf(value));
                    }
                    xml.writeEndElement();
                }
            }
            xml.writeEndElement();
        }
    }
}

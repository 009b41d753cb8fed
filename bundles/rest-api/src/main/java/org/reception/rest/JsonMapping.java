package org.reception.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/**
 * How the API reads and writes JSON: strict on input (unknown fields, trailing garbage and
 * numbers for enumerations are errors; a missing true/false is false), bounded (nesting, string
 * and number lengths: no petition needs more, and a parser is not made to chew on a flood), ISO 8601
 * instants on output.
 */
final class JsonMapping {

    private JsonMapping() {
    }

    /** A petition nests four levels deep; anything beyond this many is an attack or a mistake. */
    static final int MAX_NESTING = 16;
    /** The longest text field (content) is 10,000 characters; the body limit bounds the rest. */
    static final int MAX_STRING = 100_000;

    static ObjectMapper mapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING)
                        .maxStringLength(MAX_STRING).maxNumberLength(100).maxNameLength(1_000).build())
                .build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .build();
    }

    static JacksonJsonProvider provider() {
        return new JacksonJsonProvider(mapper());
    }
}

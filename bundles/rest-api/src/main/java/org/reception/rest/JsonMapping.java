package org.reception.rest;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
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
                .addModule(new SimpleModule("iso-instants").addDeserializer(Instant.class, new IsoInstants()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .build();
    }

    /**
     * A time is an ISO-8601 string ({@code 2026-06-01T09:30:00+08:00}); a number (seconds or
     * milliseconds since 1970? the client's guess and ours differ) is an error, not a time.
     */
    private static final class IsoInstants extends StdDeserializer<Instant> {
        private static final long serialVersionUID = 1L;

        IsoInstants() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser.currentToken(), parser,
                        "a time is an ISO-8601 string such as 2026-06-01T09:30:00+08:00");
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }

    static JacksonJsonProvider provider() {
        return new JacksonJsonProvider(mapper());
    }
}

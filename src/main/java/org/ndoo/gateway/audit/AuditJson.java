package org.ndoo.gateway.audit;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Jackson, set up for audit lines: one compact object per line, fields in the order they are put, and every control
 * character written as {@code \\u00xx} (never {@code \\n}), so that a line break in a name can never be read as the
 * end of a record by a tool that splits on backslash-n text either.
 */
final class AuditJson {

    private static final JsonMapper MAPPER = JsonMapper.builder(new JsonFactoryBuilder()
            .characterEscapes(new ControlCharactersAsUnicode())
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .build()).build();

    private AuditJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The record as one line, with its line break. */
    static String line(ObjectNode record) {
        try {
            return MAPPER.writeValueAsString(record) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an audit record", e);
        }
    }

    private static final class ControlCharactersAsUnicode extends CharacterEscapes {

        private final int[] escapes = standardAsciiEscapesForJSON();

        ControlCharactersAsUnicode() {
            for (int ch = 0; ch < 0x20; ch++) {
                escapes[ch] = ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}

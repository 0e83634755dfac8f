// Jackson's JsonNode for json and jsonb, when Jackson is on the classpath.
package org.psycopg.r2dbc.codec.builtin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.List;
import org.psycopg.r2dbc.codec.Codec;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Decoding;
import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.Oids;
import org.psycopg.r2dbc.codec.ValueWriter;

/**
 * Reads json and jsonb as a {@link JsonNode} when asked for, and binds any {@code JsonNode} as
 * jsonb. Jackson is an optional dependency: {@link BuiltinCodecs} loads this class by name, and
 * only when Jackson's classes load, so the driver never links against a missing Jackson.
 */
final class JacksonJsonCodec implements Codec<JsonNode> {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<Decoding> DECODINGS = List.of(Decoding.of(Oids.JSON), Decoding.of(Oids.JSONB));

    @Override
    public Class<JsonNode> javaType() {
        return JsonNode.class;
    }

    @Override
    public List<Decoding> decodings() {
        return DECODINGS;
    }

    @Override
    public JsonNode decode(int oid, Format format, ByteBuffer bytes, Class<?> type, CodecRegistry registry) {
        String text = JsonText.read(oid, format, bytes);
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The server sent json that Jackson cannot read: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public List<Class<?>> encodedClasses() {
        return List.of(JsonNode.class);
    }

    @Override
    public int typeOid(Class<?> valueClass, CodecRegistry registry) {
        return Oids.JSONB;
    }

    @Override
    public void encode(JsonNode value, ValueWriter out, CodecRegistry registry) {
        JsonText.writeJsonb(value.toString(), out);
    }

    @Override
    public String text(JsonNode value, CodecRegistry registry) {
        return value.toString();
    }
}

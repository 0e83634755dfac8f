// A ParameterEncoder over one codec, as the registry hands it out per Java class.
package org.psycopg.r2dbc.codec;

import java.nio.charset.StandardCharsets;

/** Binds the values of one Java class with one codec; {@link #typeOid} serves nulls of the class. */
final class CodecParameterEncoder implements ParameterEncoder {

    private final Codec<Object> codec;
    private final CodecRegistry registry;
    final int typeOid;

    @SuppressWarnings("unchecked")
    CodecParameterEncoder(Codec<?> codec, Class<?> valueClass, CodecRegistry registry) {
        this.codec = (Codec<Object>) codec;
        this.registry = registry;
        this.typeOid = codec.typeOid(valueClass, registry);
    }

    @Override
    public int oid(Object value) {
        return codec.encodeOid(value, registry);
    }

    @Override
    public Format format(Object value) {
        return codec.encodeFormat(value, registry);
    }

    @Override
    public void encode(Object value, ValueWriter out) {
        codec.encode(value, out, registry);
    }

    @Override
    public String text(Object value) {
        if (codec.encodeFormat(value, registry) == Format.TEXT) {
            ByteArrayValueWriter out = new ByteArrayValueWriter();
            codec.encode(value, out, registry);
            return new String(out.toByteArray(), StandardCharsets.UTF_8);
        }
        return codec.text(value, registry);
    }
}

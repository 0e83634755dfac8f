// A ParameterEncoder over one codec, as the registry hands it out per Java class.
package org.psycopg.r2dbc.codec;

/** Binds the values of one Java class with one codec; {@link #typeOid} serves nulls of the class. */
final class CodecParameterEncoder implements ParameterEncoder {

    private final Codec<Object> codec;
    private final CodecRegistry registry;
    final int typeOid;

    @SuppressWarnings("unchecked")
    CodecParameterEncoder(Codec<?> codec, Class<?> valueClass, CodecRegistry registry) {
        this.codec = (Codec<Object>) codec;
        this.registry = registry;
        this.typeOid = codec.typeOid(valueClass);
    }

    @Override
    public int oid(Object value) {
        return codec.encodeOid(value);
    }

    @Override
    public Format format(Object value) {
        return codec.encodeFormat(value);
    }

    @Override
    public void encode(Object value, ValueWriter out) {
        codec.encode(value, out, registry);
    }
}

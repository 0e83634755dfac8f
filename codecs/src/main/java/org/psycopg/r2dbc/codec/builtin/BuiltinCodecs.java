// The list of built-in codecs, in the order that gives their precedence.
package org.psycopg.r2dbc.codec.builtin;

import java.util.ArrayList;
import java.util.List;

import org.psycopg.r2dbc.codec.Codec;

/** Every built-in codec, as {@code CodecRegistry.defaults()} holds them. */
public final class BuiltinCodecs {

    private BuiltinCodecs() {
    }

    /**
     * A codec that reads the composite type {@code typeName} as the record class {@code type} (its
     * default Java type from then on) and binds that class typed as the composite: fields in order,
     * each read as the record component's class.
     */
    public static <R extends Record> Codec<R> composite(String typeName, Class<R> type) {
        return CompositeCodec.named(typeName, type);
    }

    /** A new list of new instances of the built-in codecs, in precedence order (later wins). */
    public static List<Codec<?>> all() {
        List<Codec<?>> all = new ArrayList<>();
        all.add(new BooleanCodec());
        all.addAll(NumberCodec.all());
        all.add(new EnumCodec());
        all.add(new CharacterCodec());
        all.add(new StringCodec());
        all.add(new ByteArrayCodec());
        all.add(new BlobCodec());
        all.add(new ClobCodec());
        all.add(new ByteBufferCodec());
        all.addAll(TemporalCodec.all());
        all.add(new UuidCodec());
        all.addAll(IntervalCodec.all());
        all.add(new JsonCodec());
        addJacksonIfPresent(all);
        all.addAll(InetCodec.all());
        all.addAll(ValueTypeCodec.all());
        all.addAll(GeometricCodec.all());
        all.add(new RangeCodec());
        all.add(new MultirangeCodec());
        all.add(CompositeCodec.generic());
        all.add(new HstoreCodec());
        all.add(new ArrayCodec());
        return all;
    }

    /**
     * Jackson is optional: its codec is loaded by name, and only once Jackson itself has loaded and
     * initialized, so a missing or mismatched Jackson leaves json to the other codecs.
     */
    private static void addJacksonIfPresent(List<Codec<?>> all) {
        ClassLoader loader = BuiltinCodecs.class.getClassLoader();
        try {
            Class.forName("com.fasterxml.jackson.databind.ObjectMapper", true, loader);
            Class<?> codec = Class.forName("org.psycopg.r2dbc.codec.builtin.JacksonJsonCodec", true, loader);
            all.add((Codec<?>) codec.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError absent) {
            // No usable Jackson on the classpath.
        }
    }
}

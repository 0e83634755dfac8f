// The extension point of the type system: a converter between PostgreSQL types and one Java type.
package org.psycopg.r2dbc.codec;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Reads and writes values between PostgreSQL types and one Java type. User codecs implement it and
 * are added to a {@link CodecRegistry}, where a codec added later takes precedence over earlier
 * ones (built-ins come first).
 *
 * <p>A codec describes itself, and the registry indexes that description once so that lookups on
 * the hot path never scan codecs:
 * <ul>
 *   <li>reading: {@link #decodings()} names the PostgreSQL types (by OID, or by type name for types
 *       whose OID is known only at runtime) it decodes into {@link #javaType()}, in which formats,
 *       and whether {@code javaType()} is the default Java type of that PostgreSQL type;</li>
 *   <li>writing: {@link #encodedClasses()} names the Java classes it binds (their subclasses too,
 *       unless a codec names a more specific class), {@link #typeOid} and {@link #encodeOid} the
 *       PostgreSQL type they bind as, {@link #encodeFormat} the format.</li>
 * </ul>
 * Codecs are stateless or immutable, and called from any thread.
 *
 * @param <T> the Java type this codec produces and accepts
 */
public interface Codec<T> {

    /** The Java class this codec decodes into (and, usually, encodes from). */
    Class<T> javaType();

    /** The PostgreSQL types this codec decodes; empty for a codec that only encodes. */
    List<Decoding> decodings();

    /**
     * The class values of type {@code oid} decode into when no class is asked for, where this codec
     * is that type's default: {@link #javaType()}, unless the codec serves a family of types whose
     * classes differ (an array codec answers the element's default class as an array).
     */
    default Class<?> defaultJavaType(int oid, CodecRegistry registry) {
        return javaType();
    }

    /**
     * Decodes one non-null value.
     *
     * @param oid      the value's type OID, one this codec's {@link #decodings()} name
     * @param format   the value's format, one the decoding lists
     * @param bytes    exactly the value's bytes, between position and limit, in network byte order;
     *                 possibly read-only or direct. The codec reads them without moving position or
     *                 limit (absolute gets, or reads from a {@code duplicate()}) and keeps no reference
     * @param type     the class the caller asked for: {@link #javaType()}, one of its supertypes, or
     *                 {@code Object.class} for the default; codecs of a family of classes (enums,
     *                 arrays) use it to choose the exact class
     * @param registry the registry in use, for codecs that decode nested values (arrays, composites)
     * @throws IllegalArgumentException when the value cannot be represented in the Java type
     */
    default T decode(int oid, Format format, ByteBuffer bytes, Class<?> type, CodecRegistry registry) {
        throw new UnsupportedOperationException(getClass().getName() + " does not decode values");
    }

    /** The Java classes this codec encodes, with their subclasses; empty for a decode-only codec. */
    default List<Class<?>> encodedClasses() {
        return List.of();
    }

    /**
     * The type OID values of {@code valueClass} bind as (also used for nulls of that class);
     * 0 means unspecified: the server infers the type from the statement.
     */
    default int typeOid(Class<?> valueClass, CodecRegistry registry) {
        return 0;
    }

    /** The type OID {@code value} binds as; by default {@link #typeOid} of its class. */
    default int encodeOid(T value, CodecRegistry registry) {
        return typeOid(value.getClass(), registry);
    }

    /** The format {@link #encode} writes {@code value} in; binary by default. */
    default Format encodeFormat(T value, CodecRegistry registry) {
        return Format.BINARY;
    }

    /**
     * Writes {@code value} (not null) in {@link #encodeFormat}; {@code registry} serves the
     * encoders of nested values.
     *
     * @throws IllegalArgumentException when the value cannot be represented in the PostgreSQL type
     */
    default void encode(T value, ValueWriter out, CodecRegistry registry) {
        throw new UnsupportedOperationException(getClass().getName() + " does not encode values");
    }

    /**
     * {@code value} as PostgreSQL's output function writes it (and its input function reads it):
     * what a binary-format value reads as when a {@code String} is asked for, and how it nests in
     * the text of arrays, ranges and composites. By default {@code value.toString()}.
     */
    default String text(T value, CodecRegistry registry) {
        return value.toString();
    }
}

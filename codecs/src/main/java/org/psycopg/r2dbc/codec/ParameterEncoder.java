// How the driver binds a Java value as a statement parameter.
package org.psycopg.r2dbc.codec;

/**
 * Binds values of one Java class: the type OID and format to declare in {@code Parse}/{@code Bind},
 * and the value's bytes. Obtained once per class from {@link CodecRegistry#encoder(Class)};
 * immutable and thread-safe. Values passed in are never null.
 */
public interface ParameterEncoder {

    /** The parameter type OID to declare for {@code value}; 0 lets the server infer it. */
    int oid(Object value);

    /** The format {@link #encode} writes {@code value} in. */
    Format format(Object value);

    /** Writes {@code value}'s bytes (not its length) in {@link #format(Object)}. */
    void encode(Object value, ValueWriter out);

    /**
     * {@code value} as text the type's input function reads: for nesting in the text form of arrays,
     * ranges and composites, or for rendering a literal.
     */
    String text(Object value);
}

// The two wire formats of a PostgreSQL value: text and binary.
package org.psycopg.r2dbc.codec;

/**
 * The format of one value on the wire, as the protocol's format codes name it
 * (0 = text, 1 = binary).
 */
public enum Format {
    /** The type's output/input functions ({@code *_out}/{@code *_in}): human-readable text. */
    TEXT,
    /** The type's send/receive functions ({@code *_send}/{@code *_recv}): network byte order. */
    BINARY;

    /** The protocol's format code: 0 for text, 1 for binary. */
    public short code() {
        return (short) ordinal();
    }

    /**
     * The format of a protocol format code.
     *
     * @throws IllegalArgumentException when the code is neither 0 nor 1
     */
    public static Format fromCode(int code) {
        switch (code) {
            case 0: return TEXT;
            case 1: return BINARY;
            default: throw new IllegalArgumentException("Unknown format code " + code);
        }
    }
}

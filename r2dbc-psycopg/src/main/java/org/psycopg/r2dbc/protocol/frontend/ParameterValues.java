// The parameter values of a Bind or the arguments of a FunctionCall, written straight into the output.
package org.psycopg.r2dbc.protocol.frontend;

import io.netty.buffer.ByteBuf;

/**
 * The values that a {@link Bind} or {@link FunctionCall} carries, written directly into the
 * message being encoded so that no value needs its own intermediate buffer.
 *
 * <p>Each value is written as the protocol lays it out: an Int32 length followed by that many
 * bytes, or the Int32 {@code -1} alone for SQL NULL. The encoder checks that each value wrote
 * exactly the length it declared and fails the message otherwise. An implementation may be
 * written more than once (a message can be encoded again) and must give the same bytes each time.
 */
public interface ParameterValues {

    /** The number of values, at most 65535. */
    int count();

    /** Writes value {@code index} (0-based) at the writer index of {@code out}: Int32 length and bytes, or Int32 -1 for NULL. */
    void write(int index, ByteBuf out);

    /**
     * Values already encoded as bytes, for tests and simple callers.
     *
     * @param values each value's bytes in the format its format code says; a null element is SQL NULL.
     *               The array is copied; the element arrays are not and must not change afterwards.
     */
    static ParameterValues of(byte[]... values) {
        return new EncodedParameterValues(values.clone());
    }
}

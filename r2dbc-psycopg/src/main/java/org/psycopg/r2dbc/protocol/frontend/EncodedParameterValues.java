// Parameter values given as ready-made byte arrays.
package org.psycopg.r2dbc.protocol.frontend;

import io.netty.buffer.ByteBuf;

/** The {@link ParameterValues} behind {@link ParameterValues#of}: one byte array per value, null for NULL. */
record EncodedParameterValues(byte[][] values) implements ParameterValues {

    @Override
    public int count() {
        return values.length;
    }

    @Override
    public void write(int index, ByteBuf out) {
        byte[] value = values[index];
        if (value == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(value.length);
            out.writeBytes(value);
        }
    }
}

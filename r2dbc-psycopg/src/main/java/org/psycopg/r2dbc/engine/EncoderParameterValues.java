// Parameter values that their codecs' encoders write straight into the message being encoded.
package org.psycopg.r2dbc.engine;

import io.netty.buffer.ByteBuf;
import org.psycopg.r2dbc.codec.ParameterEncoder;
import org.psycopg.r2dbc.protocol.frontend.ParameterValues;

/**
 * Each value is written by its encoder into the Bind message's buffer, its length filled in
 * afterwards: no value needs a buffer of its own. A null value is SQL NULL.
 */
public final class EncoderParameterValues implements ParameterValues {

    private final Object[] values;
    private final ParameterEncoder[] encoders;
    private final ByteBufValueWriter writer = new ByteBufValueWriter();

    /** {@code encoders[i]} writes {@code values[i]}; both arrays are kept, not copied. */
    public EncoderParameterValues(Object[] values, ParameterEncoder[] encoders) {
        this.values = values;
        this.encoders = encoders;
    }

    @Override
    public int count() {
        return values.length;
    }

    @Override
    public void write(int index, ByteBuf out) {
        Object value = values[index];
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        int lengthAt = out.writerIndex();
        out.writeInt(0);
        encoders[index].encode(value, writer.target(out));
        out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
    }
}

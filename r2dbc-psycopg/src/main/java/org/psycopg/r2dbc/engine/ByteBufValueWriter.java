// Lets codecs write a value straight into the outgoing message buffer.
package org.psycopg.r2dbc.engine;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.ByteBuffer;
import org.psycopg.r2dbc.codec.ValueWriter;

/** A {@link ValueWriter} over the {@link ByteBuf} being encoded; retargeted per value, not allocated per value. */
public final class ByteBufValueWriter implements ValueWriter {

    private ByteBuf out;

    public ByteBufValueWriter target(ByteBuf out) {
        this.out = out;
        return this;
    }

    @Override
    public void writeByte(int b) {
        out.writeByte(b);
    }

    @Override
    public void writeShort(int s) {
        out.writeShort(s);
    }

    @Override
    public void writeInt(int i) {
        out.writeInt(i);
    }

    @Override
    public void writeLong(long l) {
        out.writeLong(l);
    }

    @Override
    public void writeFloat(float f) {
        out.writeFloat(f);
    }

    @Override
    public void writeDouble(double d) {
        out.writeDouble(d);
    }

    @Override
    public void writeBytes(byte[] bytes, int offset, int length) {
        out.writeBytes(bytes, offset, length);
    }

    @Override
    public void writeBytes(ByteBuffer bytes) {
        out.writeBytes(bytes.duplicate());
    }

    @Override
    public void writeUtf8(CharSequence text) {
        ByteBufUtil.writeUtf8(out, text);
    }
}

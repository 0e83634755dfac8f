// Writes the framing that frontend messages share: type byte, length, format codes and values.
package org.psycopg.r2dbc.protocol.frontend;

import io.netty.buffer.ByteBuf;

/** The pieces of frontend message layout used by more than one message. */
final class MessageWriter {

    /** The largest count an Int16 count field carries: the server reads them as unsigned. */
    static final int MAX_INT16_COUNT = 0xFFFF;

    private MessageWriter() {
    }

    /** Writes the type byte and a placeholder length; returns where the message starts. */
    static int begin(ByteBuf out, char type) {
        int start = out.writerIndex();
        out.writeByte(type);
        out.writeInt(0);
        return start;
    }

    /** Sets the length of the message begun at {@code start}: everything after the type byte. */
    static void end(ByteBuf out, int start) {
        out.setInt(start + 1, out.writerIndex() - start - 1);
    }

    /** Writes the placeholder length of a startup packet, which has no type byte; returns its start. */
    static int beginUntyped(ByteBuf out) {
        int start = out.writerIndex();
        out.writeInt(0);
        return start;
    }

    /** Sets the length of the startup packet begun at {@code start}: everything from there on. */
    static void endUntyped(ByteBuf out, int start) {
        out.setInt(start, out.writerIndex() - start);
    }

    /** Returns {@code count} when an Int16 count field can carry it. */
    static int requireInt16Count(int count, String what) {
        if (count < 0 || count > MAX_INT16_COUNT) {
            throw new IllegalArgumentException(
                    what + ": " + count + " is more than the protocol's limit of " + MAX_INT16_COUNT);
        }
        return count;
    }

    /** Writes an Int16 count then the format codes (0 text, 1 binary). */
    static void writeFormats(ByteBuf out, short[] formats) {
        out.writeShort(formats.length);
        for (short format : formats) {
            out.writeShort(format);
        }
    }

    /**
     * Writes an Int16 count then each value as its Int32 length and bytes, checking that every
     * value wrote exactly the length it declared, since one wrong length would desynchronise
     * the whole stream.
     */
    static void writeValues(ByteBuf out, ParameterValues values) {
        int count = values.count();
        out.writeShort(count);
        for (int i = 0; i < count; i++) {
            int at = out.writerIndex();
            values.write(i, out);
            int written = out.writerIndex() - at - 4;
            if (written < 0) {
                throw new IllegalStateException("parameter value " + i + " wrote no Int32 length");
            }
            int declared = out.getInt(at);
            if (declared == -1 ? written != 0 : declared != written) {
                throw new IllegalStateException("parameter value " + i + " declared length " + declared
                        + " but wrote " + written + " bytes");
            }
        }
    }
}

// Reads the field layouts that several backend messages share from a message body.
package org.psycopg.r2dbc.protocol.backend;

import io.netty.buffer.ByteBuf;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.psycopg.r2dbc.protocol.CString;
import org.psycopg.r2dbc.protocol.ProtocolException;

/**
 * Reads from a body buffer that ends where the message ends, so that a read past the end fails
 * (with IndexOutOfBoundsException, which the decoder reports as a ProtocolException).
 */
final class MessageReader {

    private MessageReader() {
    }

    /** Reads all the bytes left in {@code body}. */
    static byte[] readRest(ByteBuf body) {
        byte[] bytes = new byte[body.readableBytes()];
        body.readBytes(bytes);
        return bytes;
    }

    /** Reads an Int16 count (unsigned, as the server writes it) of items taking at least {@code minItemSize} bytes each. */
    static int readCount(ByteBuf body, int minItemSize, String what) {
        return requireFits(body, body.readUnsignedShort(), minItemSize, what);
    }

    /** Checks that {@code count} items of at least {@code minItemSize} bytes can fit in what is left of {@code body}. */
    static int requireFits(ByteBuf body, long count, int minItemSize, String what) {
        if (count < 0 || count * minItemSize > body.readableBytes()) {
            throw new ProtocolException(count + " " + what + " cannot fit in the " + body.readableBytes()
                    + " bytes left");
        }
        return (int) count;
    }

    /** Reads an Int16 count then that many Int16 format codes. */
    static short[] readFormats(ByteBuf body) {
        short[] formats = new short[readCount(body, 2, "format codes")];
        for (int i = 0; i < formats.length; i++) {
            formats[i] = body.readShort();
        }
        return formats;
    }

    /**
     * Reads the fields of an ErrorResponse or NoticeResponse: pairs of a code byte and a string,
     * ended by a zero byte. Returns them in the order sent, unmodifiable.
     */
    static Map<Character, String> readFields(ByteBuf body) {
        Map<Character, String> fields = new LinkedHashMap<>();
        for (byte code = body.readByte(); code != 0; code = body.readByte()) {
            fields.put((char) (code & 0xFF), CString.read(body));
        }
        return Collections.unmodifiableMap(fields);
    }
}

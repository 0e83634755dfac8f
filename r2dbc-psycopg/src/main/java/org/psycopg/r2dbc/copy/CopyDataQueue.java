// The CopyData messages a COPY stream has received and not yet emitted, and their size.
package org.psycopg.r2dbc.copy;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import org.psycopg.r2dbc.protocol.backend.CopyData;

/**
 * A FIFO of received CopyData that counts their bytes, for flow control by size as well as by
 * number. Owns the messages it holds: {@link #clear()} releases them. Confined to the event loop.
 */
final class CopyDataQueue {

    private final ArrayDeque<CopyData> messages = new ArrayDeque<>();
    private long bytes;

    void add(CopyData message) {
        messages.add(message);
        bytes += message.data().readableBytes();
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    int size() {
        return messages.size();
    }

    /** The data bytes of every message held. */
    long bytes() {
        return bytes;
    }

    /** Hands the oldest message over: the caller releases it. */
    CopyData poll() {
        CopyData message = messages.poll();
        bytes -= message.data().readableBytes();
        return message;
    }

    /**
     * Copies the oldest messages, whole, into one new heap buffer of at most {@code max} bytes
     * (or of exactly the oldest message when that one is larger), and releases them. The buffer
     * belongs to the caller: nothing else refers to its bytes.
     */
    ByteBuffer pollBytes(int max) {
        int total = 0;
        int count = 0;
        for (CopyData message : messages) {
            int length = message.data().readableBytes();
            if (count > 0 && total + length > max) {
                break;
            }
            total += length;
            count++;
        }
        byte[] out = new byte[total];
        int at = 0;
        for (int i = 0; i < count; i++) {
            CopyData message = poll();
            ByteBuf data = message.data();
            int length = data.readableBytes();
            data.getBytes(data.readerIndex(), out, at, length);
            at += length;
            message.release();
        }
        return ByteBuffer.wrap(out);
    }

    /** Releases every message held. */
    void clear() {
        CopyData message;
        while ((message = messages.poll()) != null) {
            message.release();
        }
        bytes = 0;
    }
}

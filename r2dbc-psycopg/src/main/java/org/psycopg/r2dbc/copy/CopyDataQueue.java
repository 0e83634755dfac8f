// The CopyData messages a COPY BOTH stream has received and not yet emitted, handed on as they are.
package org.psycopg.r2dbc.copy;

import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;
import org.psycopg.r2dbc.protocol.backend.CopyData;

/**
 * A FIFO of received CopyData, each emitted as a message of its own: the subscriber gets a
 * retained slice of the receive buffer, without a copy, and releases it.
 */
final class CopyDataQueue implements CopyBuffer<CopyData> {

    private final ArrayDeque<CopyData> messages = new ArrayDeque<>();
    private long bytes;

    @Override
    public void add(ByteBuf received, int index, int length) {
        messages.add(new CopyData(received.retainedSlice(index, length)));
        bytes += length;
    }

    @Override
    public boolean isEmpty() {
        return messages.isEmpty();
    }

    @Override
    public int size() {
        return messages.size();
    }

    @Override
    public long bytes() {
        return bytes;
    }

    @Override
    public CopyData poll() {
        CopyData message = messages.poll();
        bytes -= message.data().readableBytes();
        return message;
    }

    @Override
    public void clear() {
        CopyData message;
        while ((message = messages.poll()) != null) {
            message.release();
        }
        bytes = 0;
    }
}

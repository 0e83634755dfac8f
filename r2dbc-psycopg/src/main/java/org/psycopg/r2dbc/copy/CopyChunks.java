// The data a COPY TO STDOUT has received, copied out of the receive buffers into chunks the subscriber owns.
package org.psycopg.r2dbc.copy;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Copies the data of each received CopyData into a heap array as it arrives, so that no receive
 * buffer stays pinned while the subscriber is slow. What arrived since the last
 * element is emitted as one buffer of whole messages, at most {@code maxChunk} bytes unless a
 * single message is larger. Emitted buffers may share a backing array, each with its own region:
 * no byte of an emitted buffer is written again.
 */
final class CopyChunks implements CopyBuffer<ByteBuffer> {

    private final int maxChunk;
    private final ArrayDeque<ByteBuffer> sealed = new ArrayDeque<>();
    private byte[] array;
    private int start;
    private int end;
    private long bytes;

    CopyChunks(int maxChunk) {
        this.maxChunk = maxChunk;
    }

    @Override
    public void add(ByteBuf received, int index, int length) {
        if (array == null || array.length - end < length) {
            seal();
            array = new byte[Math.max(maxChunk, length)];
            start = 0;
            end = 0;
        }
        received.getBytes(index, array, end, length);
        end += length;
        bytes += length;
    }

    @Override
    public boolean isEmpty() {
        return sealed.isEmpty() && start == end;
    }

    @Override
    public int size() {
        return sealed.size() + (start < end ? 1 : 0);
    }

    @Override
    public long bytes() {
        return bytes;
    }

    @Override
    public ByteBuffer poll() {
        if (sealed.isEmpty()) {
            seal();
        }
        ByteBuffer chunk = sealed.poll();
        bytes -= chunk.remaining();
        return chunk;
    }

    @Override
    public void clear() {
        sealed.clear();
        array = null;
        start = 0;
        end = 0;
        bytes = 0;
    }

    /** Ends the region being filled: it becomes the next element. */
    private void seal() {
        if (start < end) {
            sealed.add(ByteBuffer.wrap(array, start, end - start).slice());
            start = end;
        }
    }
}

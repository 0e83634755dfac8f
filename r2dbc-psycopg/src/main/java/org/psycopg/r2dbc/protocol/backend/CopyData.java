// CopyData (backend): a chunk of COPY TO STDOUT data or a replication stream message.
package org.psycopg.r2dbc.protocol.backend;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCounted;

/**
 * CopyData ('d') sent by the server: part of the COPY TO STDOUT data (for text COPY one row per
 * message, as the server sends it), or one message of the streaming replication protocol.
 *
 * <p>Holds a retained slice of the receive buffer: no bytes are copied, and whoever holds the
 * message last must {@link #release()} it.
 *
 * @param data the message's data bytes, between reader and writer index
 */
public record CopyData(ByteBuf data) implements BackendMessage, ReferenceCounted {

    @Override
    public int refCnt() {
        return data.refCnt();
    }

    @Override
    public CopyData retain() {
        data.retain();
        return this;
    }

    @Override
    public CopyData retain(int increment) {
        data.retain(increment);
        return this;
    }

    @Override
    public CopyData touch() {
        data.touch();
        return this;
    }

    @Override
    public CopyData touch(Object hint) {
        data.touch(hint);
        return this;
    }

    @Override
    public boolean release() {
        return data.release();
    }

    @Override
    public boolean release(int decrement) {
        return data.release(decrement);
    }
}

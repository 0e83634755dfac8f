// Where a COPY stream keeps the CopyData it has received until its subscriber asks for them.
package org.psycopg.r2dbc.copy;

import io.netty.buffer.ByteBuf;

/**
 * The received, not yet emitted data of a COPY stream, as the elements it will emit, with what
 * flow control needs to know of its size. Owns what it holds: {@link #clear()} releases it.
 * Confined to the event loop.
 *
 * @param <T> the elements emitted
 */
interface CopyBuffer<T> {

    /**
     * Takes the data of one received CopyData: {@code length} bytes of the receive buffer from
     * {@code index}, which the caller reuses afterwards (copy them or retain a slice).
     */
    void add(ByteBuf received, int index, int length);

    boolean isEmpty();

    /** How many elements the data held would make at most. */
    int size();

    /** The data bytes held. */
    long bytes();

    /** The next element (the buffer is not empty); the caller owns it. */
    T poll();

    /** Releases everything held. */
    void clear();
}

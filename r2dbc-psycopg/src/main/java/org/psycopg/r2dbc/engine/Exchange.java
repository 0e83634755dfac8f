// One request on a connection: the frontend messages it writes and the handling of its backend messages.
package org.psycopg.r2dbc.engine;

import io.netty.buffer.ByteBuf;
import org.psycopg.r2dbc.protocol.backend.BackendMessage;

/**
 * A request queued on a {@link Session}. Exchanges are written in the order they are submitted
 * and receive backend messages in that same order: each gets every message up to and including
 * its last one, then the next exchange takes over. Every method is called on the connection's
 * event loop.
 */
public abstract class Exchange {

    /** Writes this exchange's frontend messages; called once, when it goes to the wire. */
    protected abstract void encode(ByteBuf out);

    /**
     * Receives one backend message addressed to this exchange and owns it: a reference-counted
     * message must be released here or by whoever it is handed to.
     *
     * @return true when this was the exchange's last message
     */
    protected abstract boolean onMessage(BackendMessage message);

    /**
     * The exchange is now the one the server is working on: every earlier exchange has ended.
     * Called once, before its first message.
     */
    protected void onActive() {
    }

    /**
     * True when this exchange takes the data of its CopyData messages in place, from the receive
     * buffer: the framer then hands it every run of complete CopyData messages of a read through
     * {@link #onCopyData} and {@link #onCopyDataEnd}, without making a message of each.
     */
    protected boolean readsCopyDataInPlace() {
        return false;
    }

    /**
     * Receives the data of one CopyData in place: {@code length} bytes of {@code buffer} from
     * {@code index}. The buffer is reused after the run: copy the bytes or retain a slice. Called
     * only when {@link #readsCopyDataInPlace()}, in the order of the stream, like {@link #onMessage}.
     */
    protected void onCopyData(ByteBuf buffer, int index, int length) {
        throw new UnsupportedOperationException("this exchange does not read CopyData in place");
    }

    /** A run of {@link #onCopyData} calls has ended: every complete CopyData in the buffer was passed on. */
    protected void onCopyDataEnd() {
    }

    /** The connection failed or closed before the exchange ended; no message follows. */
    protected abstract void onFailure(Throwable cause);

    /**
     * True when the exchange keeps the write side after it is encoded (COPY IN writes its data
     * later): later exchanges are held back until it calls {@link Session#releaseWriteSide()}.
     */
    protected boolean holdsWriteSide() {
        return false;
    }
}

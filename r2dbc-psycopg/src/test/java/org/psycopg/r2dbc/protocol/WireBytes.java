// Turns hex literals into buffers and buffers into hex, so protocol tests read like byte dumps.
package org.psycopg.r2dbc.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/** Hex conversions for byte-vector tests; spaces in a literal only separate fields for the reader. */
public final class WireBytes {

    private WireBytes() {
    }

    /**
     * A new buffer holding the bytes of {@code hex}, taken from the unpooled allocator so that
     * Netty's leak detector tracks it; the caller releases it.
     */
    public static ByteBuf buffer(String hex) {
        byte[] bytes = ByteBufUtil.decodeHexDump(hex.replace(" ", ""));
        return Unpooled.buffer(bytes.length).writeBytes(bytes);
    }

    /** The readable bytes of {@code buf} in lower-case hex, without moving its indexes. */
    public static String hex(ByteBuf buf) {
        return ByteBufUtil.hexDump(buf);
    }

    /** {@code hex} without its field-separating spaces, to compare with {@link #hex(ByteBuf)}. */
    public static String compact(String hex) {
        return hex.replace(" ", "").toLowerCase();
    }
}

// One result row; columns are decoded when asked for.
package org.psycopg.r2dbc;

import io.netty.buffer.ByteBuf;
import io.r2dbc.spi.Row;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.protocol.backend.DataRow;

/**
 * A row over the DataRow's bytes, valid only while the mapping function that received it runs:
 * the bytes are released right after. Nothing is decoded until {@link #get(int, Class)} asks.
 */
final class PsycopgRow implements Row {

    private final DataRow data;
    private final PsycopgRowMetadata metadata;
    private final CodecRegistry codecs;
    private boolean released;

    PsycopgRow(DataRow data, PsycopgRowMetadata metadata, CodecRegistry codecs) {
        this.data = data;
        this.metadata = metadata;
        this.codecs = codecs;
    }

    @Override
    public PsycopgRowMetadata getMetadata() {
        return metadata;
    }

    @Override
    public <T> T get(int index, Class<T> type) {
        if (type == null) {
            throw new IllegalArgumentException("type must not be null");
        }
        PsycopgColumnMetadata column = metadata.column(index);
        if (released) {
            throw new IllegalStateException("The row is no longer available: read its values inside the mapping function");
        }
        ByteBuf bytes = data.column(index);
        if (bytes == null) {
            return null;
        }
        int oid = column.field().typeOid();
        return codecs.decode(oid, Format.fromCode(column.field().format()), bytes.nioBuffer(), type);
    }

    @Override
    public <T> T get(String name, Class<T> type) {
        return get(metadata.indexOf(name), type);
    }

    @Override
    public Object get(int index) {
        return get(index, Object.class);
    }

    @Override
    public Object get(String name) {
        return get(metadata.indexOf(name), Object.class);
    }

    /** Gives the row's bytes back to the receive buffer; the row is unusable from then on. Idempotent. */
    void release() {
        if (!released) {
            released = true;
            data.release();
        }
    }
}

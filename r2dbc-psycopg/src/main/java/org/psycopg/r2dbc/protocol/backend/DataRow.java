// DataRow: one row of a result, its column values left in the receive buffer until read.
package org.psycopg.r2dbc.protocol.backend;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCounted;
import java.util.Objects;
import org.psycopg.r2dbc.protocol.ProtocolException;

/**
 * DataRow ('D'): the values of one result row, in the formats that RowDescription or Bind chose.
 *
 * <p>Holds a retained slice of the receive buffer: decoding copies nothing. The offsets of the
 * columns are found once, on the first access to a column, by walking their lengths; a malformed
 * row (a length below -1, lengths running past the end of the message or leaving bytes after the
 * last column) is reported then, as a {@link ProtocolException}. Reading a column allocates only
 * the slice asked for. Whoever holds the row last must {@link #release()} it; a column slice is
 * valid only until then.
 *
 * <p>Not for concurrent use: hand a row between threads through something that orders memory
 * (a Reactor operator, a queue), as with any mutable object.
 */
public final class DataRow implements BackendMessage, ReferenceCounted {

    private final ByteBuf columns;
    private final int columnCount;
    private int[] offsets;

    /** Wraps {@code columns}, the row body after its Int16 column count, taking over its reference. */
    DataRow(ByteBuf columns, int columnCount) {
        this.columns = columns;
        this.columnCount = columnCount;
    }

    /**
     * Decodes the body of {@code bodyLength} bytes at {@code bodyStart} of {@code in}, retaining a
     * slice of it; reads no further than that body and moves no index of {@code in}.
     */
    static DataRow decode(ByteBuf in, int bodyStart, int bodyLength) {
        if (bodyLength < 2) {
            throw new ProtocolException("the body of " + bodyLength + " bytes has no room for the column count");
        }
        int columnCount = in.getUnsignedShort(bodyStart);
        int columnsLength = bodyLength - 2;
        if (4L * columnCount > columnsLength) {
            throw new ProtocolException(columnCount + " columns cannot fit in the " + columnsLength + " bytes left");
        }
        return new DataRow(in.retainedSlice(bodyStart + 2, columnsLength), columnCount);
    }

    /** The number of columns. */
    public int columnCount() {
        return columnCount;
    }

    /** Whether column {@code column} (0-based) is SQL NULL. */
    public boolean isNull(int column) {
        return length(column) < 0;
    }

    /** The length in bytes of column {@code column} (0-based), -1 when it is SQL NULL. */
    public int length(int column) {
        return columns.getInt(offset(column));
    }

    /**
     * The bytes of column {@code column} (0-based), as a slice of this row that shares its
     * reference count (not retained: do not release it; it is valid while the row is), or null
     * when the value is SQL NULL.
     */
    public ByteBuf column(int column) {
        int offset = offset(column);
        int length = columns.getInt(offset);
        return length < 0 ? null : columns.slice(offset + 4, length);
    }

    private int offset(int column) {
        Objects.checkIndex(column, columnCount);
        int[] found = offsets;
        if (found == null) {
            found = findOffsets();
            offsets = found;
        }
        return found[column];
    }

    /** Walks the column lengths once, returning where each column's Int32 length is. */
    private int[] findOffsets() {
        int[] found = new int[columnCount];
        int end = columns.writerIndex();
        int at = columns.readerIndex();
        for (int i = 0; i < columnCount; i++) {
            if (end - at < 4) {
                throw malformed("column " + i + " starts past the end of the row");
            }
            found[i] = at;
            int length = columns.getInt(at);
            if (length < -1) {
                throw malformed("column " + i + " has length " + length);
            }
            at += 4;
            if (length > end - at) {
                throw malformed("column " + i + " of " + length + " bytes runs past the end of the row");
            }
            at += Math.max(length, 0);
        }
        if (at != end) {
            throw malformed((end - at) + " bytes follow the last column");
        }
        return found;
    }

    private static ProtocolException malformed(String detail) {
        return new ProtocolException("malformed " + MessageType.DATA_ROW + " message: " + detail);
    }

    @Override
    public int refCnt() {
        return columns.refCnt();
    }

    @Override
    public DataRow retain() {
        columns.retain();
        return this;
    }

    @Override
    public DataRow retain(int increment) {
        columns.retain(increment);
        return this;
    }

    @Override
    public DataRow touch() {
        columns.touch();
        return this;
    }

    @Override
    public DataRow touch(Object hint) {
        columns.touch(hint);
        return this;
    }

    @Override
    public boolean release() {
        return columns.release();
    }

    @Override
    public boolean release(int decrement) {
        return columns.release(decrement);
    }

    @Override
    public String toString() {
        return "DataRow[columns=" + columnCount + "]";
    }
}

// Splits PostgreSQL's binary COPY format into rows of fields.
package org.psycopg.r2dbc.copy;

/**
 * Reads the binary COPY format: checks the signature and flags (data written WITH OIDS is
 * refused), skips the header extension, then splits each tuple (int16 field count, int32 length
 * or -1 for NULL, bytes) until the trailer (field count -1). Fields are slices of the data, not
 * copies.
 */
final class BinaryRowDecoder extends RowDecoder {

    private static final int HEADER = BinaryRowEncoder.SIGNATURE.length + 8;

    private boolean headerRead;
    private boolean trailerRead;
    private boolean row;

    @Override
    int split(byte[] bytes, int from, int to) {
        row = false;
        if (!headerRead) {
            return header(bytes, from, to);
        }
        if (trailerRead) {
            throw new IllegalArgumentException("data after the binary COPY trailer");
        }
        if (to - from < 2) {
            return -1;
        }
        int count = (short) ((bytes[from] & 0xFF) << 8 | bytes[from + 1] & 0xFF);
        if (count == -1) {
            trailerRead = true;
            return from + 2;
        }
        if (count < 0) {
            throw new IllegalArgumentException("negative field count " + count);
        }
        fields.begin(bytes);
        int at = from + 2;
        for (int i = 0; i < count; i++) {
            if (to - at < 4) {
                return -1;
            }
            int length = readInt(bytes, at);
            at += 4;
            if (length == -1) {
                fields.addNull();
            } else if (length < 0) {
                throw new IllegalArgumentException("negative field length " + length);
            } else if (to - at < length) {
                return -1;
            } else {
                fields.add(at, length);
                at += length;
            }
        }
        row = true;
        return at;
    }

    @Override
    boolean rowSplit() {
        return row;
    }

    @Override
    boolean complete() {
        return trailerRead;
    }

    private int header(byte[] bytes, int from, int to) {
        if (to - from < HEADER) {
            return -1;
        }
        for (int i = 0; i < BinaryRowEncoder.SIGNATURE.length; i++) {
            if (bytes[from + i] != BinaryRowEncoder.SIGNATURE[i]) {
                throw new IllegalArgumentException("not binary COPY data: the PGCOPY signature is missing");
            }
        }
        int flags = readInt(bytes, from + BinaryRowEncoder.SIGNATURE.length);
        if ((flags & (1 << 16)) != 0) {
            throw new IllegalArgumentException("binary COPY data WITH OIDS is not supported");
        }
        int extension = readInt(bytes, from + BinaryRowEncoder.SIGNATURE.length + 4);
        if (extension < 0) {
            throw new IllegalArgumentException("negative header extension length " + extension);
        }
        if (to - from - HEADER < extension) {
            return -1;
        }
        headerRead = true;
        return from + HEADER + extension;
    }

    private static int readInt(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8 | bytes[at + 3] & 0xFF;
    }
}

// Turns the fields of a COPY row into typed values through the codecs.
package org.psycopg.r2dbc.copy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.Oids;

/**
 * Decodes each field of a row by its column's type OID and the Java class asked for it, in the
 * format of the COPY (binary fields in the type's binary form, text and CSV fields in its text
 * form). A column without a type reads as {@code String} in text and CSV. Not thread-safe: one
 * stream at a time.
 */
final class ColumnReaders implements Function<RowFields, Object[]> {

    private final CodecRegistry codecs;
    private final Format format;
    private final int[] oids;
    private final Class<?>[] classes;
    private byte[] viewed;
    private ByteBuffer view;

    /**
     * @param oids    each column's type OID (0: untyped), or null when the classes say
     * @param classes each column's Java class, or null for each type's default class; when given
     *                without {@code oids}, each class's own type is assumed ({@code Long}: int8)
     * @throws IllegalArgumentException when binary data has a column of unknown type, or the
     *                                  numbers of types and classes differ
     */
    ColumnReaders(CodecRegistry codecs, Format format, int[] oids, Class<?>[] classes) {
        this.codecs = codecs;
        this.format = format;
        this.classes = classes;
        if (oids != null && classes != null && oids.length != classes.length) {
            throw new IllegalArgumentException(oids.length + " column types for " + classes.length + " classes");
        }
        if (oids == null && classes != null) {
            oids = new int[classes.length];
            for (int i = 0; i < classes.length; i++) {
                oids[i] = format == Format.TEXT && classes[i] == String.class ? Oids.UNSPECIFIED : codecs.nullOid(classes[i]);
            }
        }
        if (format == Format.BINARY) {
            if (oids == null) {
                throw new IllegalArgumentException("binary COPY data reads only with its column types (withTypes) or classes");
            }
            for (int i = 0; i < oids.length; i++) {
                if (oids[i] == Oids.UNSPECIFIED) {
                    throw new IllegalArgumentException("binary COPY column " + (i + 1) + " has no type: give the column types (withTypes)");
                }
            }
        }
        this.oids = oids;
    }

    @Override
    public Object[] apply(RowFields fields) {
        int count = fields.count();
        if (oids != null && count != oids.length) {
            throw new IllegalArgumentException("the row has " + count + " fields for " + oids.length + " columns");
        }
        Object[] row = new Object[count];
        byte[] array = fields.array();
        for (int i = 0; i < count; i++) {
            int length = fields.length(i);
            if (length >= 0) {
                try {
                    row[i] = read(i, array, fields.offset(i), length);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("column " + (i + 1) + ": " + e.getMessage(), e);
                }
            }
        }
        return row;
    }

    private Object read(int column, byte[] array, int offset, int length) {
        Class<?> type = classes == null ? Object.class : classes[column];
        int oid = oids == null ? Oids.UNSPECIFIED : oids[column];
        if (oid == Oids.UNSPECIFIED && type.isAssignableFrom(String.class)) {
            return new String(array, offset, length, StandardCharsets.UTF_8);
        }
        if (array != viewed) {
            viewed = array;
            view = ByteBuffer.wrap(array);
        }
        view.clear().position(offset).limit(offset + length);
        return codecs.decode(oid, format, view, type);
    }
}

// The codec encoder of each column's values, looked up once per column and class.
package org.psycopg.r2dbc.copy;

import java.util.Arrays;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.ParameterEncoder;

/**
 * Caches, per column, the encoder of the class its last value had: rows of one shape look the
 * registry up once per column. Not thread-safe: one encoding at a time.
 */
final class ColumnEncoders {

    private final CodecRegistry codecs;
    private Class<?>[] classes = new Class<?>[16];
    private ParameterEncoder[] encoders = new ParameterEncoder[16];

    ColumnEncoders(CodecRegistry codecs) {
        this.codecs = codecs;
    }

    CodecRegistry codecs() {
        return codecs;
    }

    /** The encoder of {@code value} (not null) in column {@code column}. */
    ParameterEncoder of(int column, Object value) {
        if (column >= classes.length) {
            classes = Arrays.copyOf(classes, Math.max(column + 1, classes.length * 2));
            encoders = Arrays.copyOf(encoders, classes.length);
        }
        Class<?> type = value.getClass();
        if (classes[column] != type) {
            encoders[column] = codecs.encoder(type);
            classes[column] = type;
        }
        return encoders[column];
    }

    /** {@code value} (not null) as text that the column type's input function reads. */
    String text(int column, Object value) {
        return value instanceof String string ? string : of(column, value).text(value);
    }
}

// What a bound value is to the driver, decided once per class.
package org.psycopg.r2dbc;

import io.r2dbc.spi.Blob;
import io.r2dbc.spi.Clob;
import io.r2dbc.spi.Parameter;

/**
 * A value wrapped in a {@link Parameter}, a {@link Blob} or {@link Clob} to collect before binding,
 * or a plain value for the codecs. Kept per class because a failed {@code instanceof} against an
 * interface scans the class's interfaces every time, and a batch asks this for every value.
 */
enum BoundValueKind {
    PLAIN, PARAMETER, STREAM;

    private static final ClassValue<BoundValueKind> KINDS = new ClassValue<>() {
        @Override
        protected BoundValueKind computeValue(Class<?> type) {
            if (Parameter.class.isAssignableFrom(type)) {
                return PARAMETER;
            }
            return Blob.class.isAssignableFrom(type) || Clob.class.isAssignableFrom(type) ? STREAM : PLAIN;
        }
    };

    /** The kind of a non-null value. */
    static BoundValueKind of(Object value) {
        return KINDS.get(value.getClass());
    }
}

// The value of each PostgreSQL type the codec benchmark encodes and decodes.
package org.psycopg.r2dbc.benchmarks.codec;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.psycopg.r2dbc.codec.Oids;

/**
 * One typical value per benchmarked type, with the type's OID and the Java class it is read as:
 * values of the size an application stores (a 32-character text, a numeric with eleven digits, a
 * 16-element int4[]), not edge cases.
 */
public enum CodecSample {
    INT4("int4", Oids.INT4, Integer.class, 123_456_789),
    INT8("int8", Oids.INT8, Long.class, 1_234_567_890_123L),
    TEXT("text", Oids.TEXT, String.class, "a text value of thirty-two chars"),
    TIMESTAMPTZ("timestamptz", Oids.TIMESTAMPTZ, OffsetDateTime.class,
            OffsetDateTime.of(2024, 5, 17, 13, 45, 30, 123_456_000, ZoneOffset.UTC)),
    NUMERIC("numeric", Oids.NUMERIC, BigDecimal.class, new BigDecimal("123456789.01")),
    UUID_("uuid", Oids.UUID, UUID.class, UUID.fromString("6f1c2e7a-3b4d-4c5e-9f60-718293a4b5c6")),
    INT4_ARRAY("int4[]", Oids.INT4_ARRAY, Integer[].class,
            new Integer[] {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597});

    private final String typeName;
    private final int oid;
    private final Class<?> javaClass;
    private final Object value;

    CodecSample(String typeName, int oid, Class<?> javaClass, Object value) {
        this.typeName = typeName;
        this.oid = oid;
        this.javaClass = javaClass;
        this.value = value;
    }

    /** The sample of the PostgreSQL type named {@code typeName} ({@code int4[]} for an array). */
    public static CodecSample named(String typeName) {
        for (CodecSample sample : values()) {
            if (sample.typeName.equals(typeName)) {
                return sample;
            }
        }
        throw new IllegalArgumentException("no sample of type " + typeName);
    }

    public String typeName() {
        return typeName;
    }

    public int oid() {
        return oid;
    }

    public Class<?> javaClass() {
        return javaClass;
    }

    public Object value() {
        return value;
    }
}

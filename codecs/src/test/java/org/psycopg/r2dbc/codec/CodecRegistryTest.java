// Tests of the registry's lookups: defaults, fallbacks, precedence, overrides and runtime types.
package org.psycopg.r2dbc.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CodecRegistryTest {

    private final CodecRegistry defaults = CodecRegistry.defaults();

    /** Reads int4 as a String in text only, labelled, as a user override might. */
    static final class LabelledInt4 implements Codec<String> {
        @Override
        public Class<String> javaType() {
            return String.class;
        }

        @Override
        public List<Decoding> decodings() {
            return List.of(Decoding.defaultFor(Oids.INT4).in(Format.TEXT));
        }

        @Override
        public String decode(int oid, Format format, ByteBuffer bytes, Class<?> type, CodecRegistry registry) {
            return "int4:" + registry.decode(Oids.TEXT, format, bytes, String.class);
        }
    }

    /** A value type of an extension whose OID is known only at runtime. */
    record Hstore(String text) {
    }

    static final class HstoreCodec implements Codec<Hstore> {
        @Override
        public Class<Hstore> javaType() {
            return Hstore.class;
        }

        @Override
        public List<Decoding> decodings() {
            return List.of(Decoding.defaultForName("hstore").in(Format.TEXT));
        }

        @Override
        public Hstore decode(int oid, Format format, ByteBuffer bytes, Class<?> type, CodecRegistry registry) {
            return new Hstore(registry.decode(Oids.TEXT, format, bytes, String.class));
        }

        @Override
        public List<Class<?>> encodedClasses() {
            return List.of(Hstore.class);
        }

        @Override
        public int typeOid(Class<?> valueClass, CodecRegistry registry) {
            return 0;
        }

        @Override
        public Format encodeFormat(Hstore value, CodecRegistry registry) {
            return Format.TEXT;
        }

        @Override
        public void encode(Hstore value, ValueWriter out, CodecRegistry registry) {
            out.writeUtf8(value.text());
        }
    }

    @Test
    void defaultsAreSharedAndDescribeBuiltinTypes() {
        assertSame(CodecRegistry.defaults(), defaults);
        assertEquals("int4", defaults.typeName(Oids.INT4));
        assertEquals("_int4", defaults.typeName(Oids.INT4_ARRAY));
        assertEquals(Integer.class, defaults.javaType(Oids.INT4));
        assertEquals(BigDecimal.class, defaults.javaType(Oids.NUMERIC));
        assertEquals(OffsetDateTime.class, defaults.javaType(Oids.TIMESTAMPTZ));
        assertEquals(UUID.class, defaults.javaType(Oids.UUID));
        assertEquals(Format.BINARY, defaults.resultFormat(Oids.INT4));
        assertEquals(Format.BINARY, defaults.resultFormat(Oids.TEXT));
    }

    @Test
    void containersOfTypesReadOnlyInTextAreAskedInText() {
        int tid = 27, tidArray = 1010, aclitemArray = 1034, point = 600;
        assertEquals(Format.TEXT, defaults.resultFormat(tid));
        assertEquals(Format.TEXT, defaults.resultFormat(tidArray));
        assertEquals(Format.TEXT, defaults.resultFormat(aclitemArray));
        assertEquals(Format.BINARY, defaults.resultFormat(Oids.INT4_ARRAY));
        CodecRegistry runtime = defaults.withTypes(
                PgType.fromCatalog(90_001, "with_tid", 'c', 'C', 0, 0, 0, null, null, List.of("a", "b"), List.of(Oids.INT4, tid)),
                PgType.fromCatalog(90_002, "with_point", 'c', 'C', 0, 0, 0, null, null, List.of("a"), List.of(point)),
                PgType.fromCatalog(90_003, "tid_domain", 'd', 'U', 0, 0, tid, null, null, List.of(), List.of()));
        assertEquals(Format.TEXT, runtime.resultFormat(90_001));
        assertEquals(Format.BINARY, runtime.resultFormat(90_002));
        assertEquals(Format.TEXT, runtime.resultFormat(90_003));
    }

    @Test
    void unknownOidsReadAsTextStrings() {
        assertEquals("oid:123456", defaults.typeName(123456));
        assertEquals(String.class, defaults.javaType(123456));
        assertEquals(Format.TEXT, defaults.resultFormat(123456));
        assertEquals("(1,2)", defaults.decode(123456, Format.TEXT, Wire.text("(1,2)"), null));
        assertEquals("(1,2)", defaults.decode(123456, Format.TEXT, Wire.text("(1,2)"), String.class));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> defaults.decode(123456, Format.BINARY, Wire.hex("00"), null));
        assertTrue(e.getMessage().contains("oid:123456"), e.getMessage());
    }

    @Test
    void everyTypeReadsAsStringInText() {
        assertEquals("42", defaults.decode(Oids.INT4, Format.TEXT, Wire.text("42"), String.class));
        assertEquals("2024-01-02", defaults.decode(Oids.DATE, Format.TEXT, Wire.text("2024-01-02"), String.class));
        assertEquals("42", defaults.decode(Oids.INT4, Format.BINARY, Wire.hex("0000002a"), String.class));
    }

    @Test
    void impossibleConversionNamesTypeAndClass() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> defaults.decode(Oids.INT4, Format.BINARY, Wire.hex("0000002a"), UUID.class));
        assertTrue(e.getMessage().contains("int4") && e.getMessage().contains("java.util.UUID"), e.getMessage());
    }

    @Test
    void unboundClassThrowsNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> defaults.encoder(Thread.class));
        assertTrue(e.getMessage().contains("java.lang.Thread"), e.getMessage());
        assertEquals(0, defaults.nullOid(Thread.class));
    }

    @Test
    void encodersAreCachedPerClass() {
        assertSame(defaults.encoder(Integer.class), defaults.encoder(Integer.class));
        assertSame(defaults.encoder(Integer.class), defaults.encoder(int.class));
        assertEquals(Oids.INT4, defaults.nullOid(int.class));
    }

    @Test
    void overridesTakePrecedenceOnlyWhereApplied() {
        CodecRegistry connection = defaults.withOverrides(new LabelledInt4());
        assertEquals("int4:42", connection.decode(Oids.INT4, Format.TEXT, Wire.text("42"), null));
        assertEquals(String.class, connection.javaType(Oids.INT4));
        assertEquals(Format.TEXT, connection.resultFormat(Oids.INT4));
        assertEquals(42L, (long) connection.decode(Oids.INT4, Format.TEXT, Wire.text("42"), Long.class));
        assertEquals(42, defaults.decode(Oids.INT4, Format.TEXT, Wire.text("42"), Integer.class));
        assertEquals(Format.BINARY, defaults.resultFormat(Oids.INT4));
    }

    @Test
    void builderAddsUserCodecsAfterBuiltins() {
        CodecRegistry registry = CodecRegistry.builder().addAll(defaults).add(new LabelledInt4()).build();
        assertEquals("int4:7", registry.decode(Oids.INT4, Format.TEXT, Wire.text("7"), Object.class));
        CodecRegistry empty = CodecRegistry.builder().build();
        assertEquals("7", empty.decode(Oids.INT4, Format.TEXT, Wire.text("7"), null));
        assertEquals("int4", empty.typeName(Oids.INT4));
    }

    @Test
    void codecsNamingARuntimeTypeDecodeItOnceItsOidIsKnown() {
        CodecRegistry registry = defaults.withOverrides(new HstoreCodec());
        assertEquals("a=>1", registry.decode(50_000, Format.TEXT, Wire.text("a=>1"), null));
        CodecRegistry known = registry.withTypes(PgType.of(50_000, "hstore", PgType.Kind.BASE, 0, 50_001));
        assertEquals(new Hstore("a=>1"), known.decode(50_000, Format.TEXT, Wire.text("a=>1"), null));
        assertEquals("hstore", known.typeName(50_000));
        assertEquals(Hstore.class, known.javaType(50_000));
        assertEquals(50_000, known.type("hstore").oid());
        assertEquals(Format.TEXT, known.encoder(Hstore.class).format(new Hstore("")));
    }

    @Test
    void formatCodesMatchTheProtocol() {
        assertEquals(0, Format.TEXT.code());
        assertEquals(1, Format.BINARY.code());
        assertEquals(Format.BINARY, Format.fromCode(1));
        assertThrows(IllegalArgumentException.class, () -> Format.fromCode(2));
    }
}

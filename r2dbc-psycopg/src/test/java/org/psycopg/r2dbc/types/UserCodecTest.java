// Codecs of the user's own: given in the configuration they override built-ins; listed for ServiceLoader they are found.
package org.psycopg.r2dbc.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.psycopg.r2dbc.types.ServerValues.both;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.PsycopgConnection;
import org.psycopg.r2dbc.PsycopgConnectionFactory;
import org.psycopg.r2dbc.TestDatabase;
import org.psycopg.r2dbc.codec.Codec;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Decoding;
import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.Oids;
import org.psycopg.r2dbc.codec.ValueWriter;
import reactor.core.publisher.Flux;

class UserCodecTest {

    /** Reads text as upper case, as text's default: the driver then asks text columns in text format. */
    static final class UpperCaseText implements Codec<String> {
        @Override
        public Class<String> javaType() {
            return String.class;
        }

        @Override
        public List<Decoding> decodings() {
            return List.of(Decoding.defaultFor(Oids.TEXT).in(Format.TEXT));
        }

        @Override
        public String decode(int oid, Format format, ByteBuffer bytes, Class<?> type, CodecRegistry registry) {
            return StandardCharsets.UTF_8.decode(bytes.duplicate()).toString().toUpperCase(Locale.ROOT);
        }
    }

    /** Binds Integer as int8 instead of int4. */
    static final class IntegerAsInt8 implements Codec<Integer> {
        @Override
        public Class<Integer> javaType() {
            return Integer.class;
        }

        @Override
        public List<Decoding> decodings() {
            return List.of();
        }

        @Override
        public List<Class<?>> encodedClasses() {
            return List.of(Integer.class);
        }

        @Override
        public int typeOid(Class<?> valueClass, CodecRegistry registry) {
            return Oids.INT8;
        }

        @Override
        public void encode(Integer value, ValueWriter out, CodecRegistry registry) {
            out.writeLong(value);
        }
    }

    private static <T> List<T> select(PsycopgConnection connection, String sql, Class<T> type, Object... parameters) {
        try {
            var statement = connection.createStatement(sql);
            for (int i = 0; i < parameters.length; i++) {
                statement.bind(i, parameters[i]);
            }
            return Flux.from(statement.execute()).flatMap(result -> result.map(row -> row.get(0, type)))
                    .collectList().block(TestDatabase.TIMEOUT);
        } finally {
            connection.close().block(TestDatabase.TIMEOUT);
        }
    }

    @Test
    void codecsInTheConfigurationOverrideTheBuiltInsForThatFactoryOnly() {
        PsycopgConnectionFactory custom = new PsycopgConnectionFactory(TestDatabase.configuration()
                .codecs(CodecRegistry.builder().addAll(CodecRegistry.defaults()).add(new UpperCaseText()).add(new IntegerAsInt8()).build())
                .build());
        PsycopgConnection connection = custom.create().block(TestDatabase.TIMEOUT);
        assertEquals(both("ÉTÉ"), new ServerValues(connection).read("'été'::text", Object.class));
        assertEquals(List.of("bigint"), select(connection, "SELECT pg_typeof($1)::varchar", String.class, 7));
        assertEquals(List.of("integer"), select(TestDatabase.connect(), "SELECT pg_typeof($1)::varchar", String.class, 7));
        assertEquals(List.of("été"), select(TestDatabase.connect(), "SELECT 'été'::text", String.class));
    }

    @Test
    void codecsListedForServiceLoaderAreFoundByAFactoryWithoutConfiguredCodecs() {
        assertEquals(List.of(new Temperature(new BigDecimal("21.5"))),
                select(TestDatabase.connect(), "SELECT $1::numeric", Temperature.class, new Temperature(new BigDecimal("21.5"))));
        assertEquals(List.of(new BigDecimal("21.5")), select(TestDatabase.connect(), "SELECT 21.5", Object.class));
        assertEquals(TemperatureCodec.class, CodecRegistry.installed().codecs().get(CodecRegistry.installed().codecs().size() - 1).getClass());
    }
}

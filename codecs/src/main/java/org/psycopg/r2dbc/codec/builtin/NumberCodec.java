// Codecs for the Java Number classes: each reads every numeric PostgreSQL type it can hold exactly.
package org.psycopg.r2dbc.codec.builtin;

import static org.psycopg.r2dbc.codec.Oids.*;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.psycopg.r2dbc.codec.Codec;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Decoding;
import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.ValueWriter;

/**
 * Reads numeric PostgreSQL types into one {@code Number} class and binds that class as its
 * PostgreSQL type: Short and Byte as int2, Integer as int4, Long as int8, Float as float4, Double as
 * float8, BigDecimal and BigInteger as numeric. Defaults: oid, xid, cid and xid8 read as Long,
 * money as BigDecimal (in hundredths). Reading another type converts exactly: an int4 reads
 * as Long, an int8 as Integer when it fits, a numeric as Long when it is an integer that fits;
 * anything else throws {@code IllegalArgumentException}. Double and Float read numeric's NaN and
 * infinities; BigDecimal refuses them.
 */
final class NumberCodec<T extends Number> implements Codec<T> {

    private static final int[] INTEGERS = {INT2, INT4, INT8, OID, NUMERIC};
    private static final int[] INTEGERS_AND_IDS = {INT2, INT4, INT8, OID, NUMERIC, XID, CID, XID8};
    private static final int[] ALL = {INT2, INT4, INT8, OID, FLOAT4, FLOAT8, NUMERIC, MONEY};

    private final Class<T> type;
    private final List<Decoding> decodings;
    private final int oid;
    private final BiConsumer<T, ValueWriter> writer;
    private final Function<T, String> text;

    private NumberCodec(Class<T> type, int[] reads, int[] defaults, int oid, BiConsumer<T, ValueWriter> writer,
                        Function<T, String> text) {
        this.type = type;
        List<Decoding> d = new ArrayList<>();
        outer:
        for (int r : reads) {
            for (int def : defaults) {
                if (def == r) {
                    d.add(Decoding.defaultFor(r));
                    continue outer;
                }
            }
            d.add(Decoding.of(r));
        }
        this.decodings = List.copyOf(d);
        this.oid = oid;
        this.writer = writer;
        this.text = text;
    }

    static List<Codec<?>> all() {
        return List.of(
                new NumberCodec<>(Byte.class, INTEGERS, new int[0], INT2, (v, out) -> out.writeShort(v), String::valueOf),
                new NumberCodec<>(Short.class, INTEGERS, new int[] {INT2}, INT2, (v, out) -> out.writeShort(v), String::valueOf),
                new NumberCodec<>(Integer.class, INTEGERS, new int[] {INT4}, INT4, (v, out) -> out.writeInt(v), String::valueOf),
                new NumberCodec<>(Long.class, INTEGERS_AND_IDS, new int[] {INT8, OID, XID, CID, XID8}, INT8, (v, out) -> out.writeLong(v), String::valueOf),
                new NumberCodec<>(BigInteger.class, INTEGERS, new int[0], NUMERIC,
                        (v, out) -> NumericBinary.write(new BigDecimal(v), out), String::valueOf),
                new NumberCodec<>(Float.class, ALL, new int[] {FLOAT4}, FLOAT4, (v, out) -> out.writeFloat(v), Numbers::float4Text),
                new NumberCodec<>(Double.class, ALL, new int[] {FLOAT8}, FLOAT8, (v, out) -> out.writeDouble(v), Numbers::float8Text),
                new NumberCodec<>(BigDecimal.class, ALL, new int[] {NUMERIC, MONEY}, NUMERIC, NumericBinary::write,
                        BigDecimal::toPlainString));
    }

    @Override
    public Class<T> javaType() {
        return type;
    }

    @Override
    public List<Decoding> decodings() {
        return decodings;
    }

    @Override
    public T decode(int oid, Format format, ByteBuffer bytes, Class<?> asked, CodecRegistry registry) {
        return type.cast(Numbers.convert(Numbers.read(oid, format, bytes), type));
    }

    @Override
    public List<Class<?>> encodedClasses() {
        return List.of(type);
    }

    @Override
    public int typeOid(Class<?> valueClass, CodecRegistry registry) {
        return oid;
    }

    @Override
    public void encode(T value, ValueWriter out, CodecRegistry registry) {
        writer.accept(value, out);
    }

    @Override
    public String text(T value, CodecRegistry registry) {
        return text.apply(value);
    }
}

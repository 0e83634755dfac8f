// Codecs for the value types whose binary form is a fixed layout: macaddr, macaddr8, bit, varbit, pg_lsn.
package org.psycopg.r2dbc.codec.builtin;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.psycopg.r2dbc.codec.BitString;
import org.psycopg.r2dbc.codec.Codec;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Decoding;
import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.Lsn;
import org.psycopg.r2dbc.codec.MacAddress;
import org.psycopg.r2dbc.codec.Oids;
import org.psycopg.r2dbc.codec.ValueWriter;

/**
 * One value type read from and bound as its PostgreSQL types: {@link MacAddress} for macaddr (6 bytes)
 * and macaddr8 (8 bytes); {@link BitString} for bit and varbit (int32 bit count, then the bits,
 * most significant first; bound as varbit); {@link Lsn} for pg_lsn (uint64). Text is the value
 * type's {@code parse}/{@code toString}, which follow the types' output functions.
 */
final class ValueTypeCodec<T> implements Codec<T> {

    private final Class<T> type;
    private final List<Decoding> decodings;
    private final BiFunction<Integer, ByteBuffer, T> binary;
    private final Function<String, T> parse;
    private final int typeOid;
    private final ToIntFunction<T> oid;
    private final BiConsumer<T, ValueWriter> writer;

    private ValueTypeCodec(Class<T> type, List<Decoding> decodings, BiFunction<Integer, ByteBuffer, T> binary,
                           Function<String, T> parse, int typeOid, ToIntFunction<T> oid, BiConsumer<T, ValueWriter> writer) {
        this.type = type;
        this.decodings = decodings;
        this.binary = binary;
        this.parse = parse;
        this.typeOid = typeOid;
        this.oid = oid;
        this.writer = writer;
    }

    static List<Codec<?>> all() {
        return List.of(
                new ValueTypeCodec<>(MacAddress.class,
                        List.of(Decoding.defaultFor(Oids.MACADDR), Decoding.defaultFor(Oids.MACADDR8)),
                        (oid, b) -> {
                            Bytes.expectSize(b, oid == Oids.MACADDR ? 6 : 8, oid == Oids.MACADDR ? "macaddr" : "macaddr8");
                            return MacAddress.of(Bytes.copy(b));
                        },
                        MacAddress::parse, Oids.MACADDR, v -> v.length() == 6 ? Oids.MACADDR : Oids.MACADDR8,
                        (v, out) -> {
                            byte[] bytes = v.bytes();
                            out.writeBytes(bytes, 0, bytes.length);
                        }),
                new ValueTypeCodec<>(BitString.class,
                        List.of(Decoding.defaultFor(Oids.BIT), Decoding.defaultFor(Oids.VARBIT)),
                        (oid, b) -> {
                            int length = b.getInt(b.position());
                            ByteBuffer bits = b.duplicate();
                            bits.position(b.position() + 4);
                            return BitString.of(length, Bytes.copy(bits));
                        },
                        BitString::parse, Oids.VARBIT, v -> Oids.VARBIT,
                        (v, out) -> {
                            byte[] bytes = v.bytes();
                            out.writeInt(v.length());
                            out.writeBytes(bytes, 0, bytes.length);
                        }),
                new ValueTypeCodec<>(Lsn.class, List.of(Decoding.defaultFor(Oids.PG_LSN)),
                        (oid, b) -> {
                            Bytes.expectSize(b, 8, "pg_lsn");
                            return new Lsn(b.getLong(b.position()));
                        },
                        Lsn::parse, Oids.PG_LSN, v -> Oids.PG_LSN, (v, out) -> out.writeLong(v.value())));
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
        return format == Format.BINARY ? binary.apply(oid, bytes) : parse.apply(Bytes.utf8(bytes));
    }

    @Override
    public List<Class<?>> encodedClasses() {
        return List.of(type);
    }

    @Override
    public int typeOid(Class<?> valueClass, CodecRegistry registry) {
        return typeOid;
    }

    @Override
    public int encodeOid(T value, CodecRegistry registry) {
        return oid.applyAsInt(value);
    }

    @Override
    public void encode(T value, ValueWriter out, CodecRegistry registry) {
        writer.accept(value, out);
    }
}

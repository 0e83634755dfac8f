// interval (timestamp.c interval_send/interval_recv) as Interval, Duration or Period.
package org.psycopg.r2dbc.codec.builtin;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.function.Function;

import org.psycopg.r2dbc.codec.Codec;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Decoding;
import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.Interval;
import org.psycopg.r2dbc.codec.Oids;
import org.psycopg.r2dbc.codec.ValueWriter;

/**
 * interval: binary is int64 microseconds, int32 days, int32 months; text is any IntervalStyle
 * ({@link Interval#parse}). {@link Interval} is the default; {@code Duration} reads an interval
 * without months (a day as 24 hours) and {@code Period} one without a time part; all three bind as
 * interval.
 */
final class IntervalCodec<T> implements Codec<T> {

    private final Class<T> type;
    private final boolean isDefault;
    private final Function<Interval, T> from;
    private final Function<T, Interval> to;

    private IntervalCodec(Class<T> type, boolean isDefault, Function<Interval, T> from, Function<T, Interval> to) {
        this.type = type;
        this.isDefault = isDefault;
        this.from = from;
        this.to = to;
    }

    static List<Codec<?>> all() {
        return List.of(
                new IntervalCodec<>(Duration.class, false, Interval::toDuration, Interval::of),
                new IntervalCodec<>(Period.class, false, Interval::toPeriod, Interval::of),
                new IntervalCodec<>(Interval.class, true, i -> i, i -> i));
    }

    @Override
    public Class<T> javaType() {
        return type;
    }

    @Override
    public List<Decoding> decodings() {
        return List.of(isDefault ? Decoding.defaultFor(Oids.INTERVAL) : Decoding.of(Oids.INTERVAL));
    }

    @Override
    public T decode(int oid, Format format, ByteBuffer bytes, Class<?> asked, CodecRegistry registry) {
        Interval interval;
        if (format == Format.BINARY) {
            Bytes.expectSize(bytes, 16, "interval");
            int at = bytes.position();
            interval = new Interval(bytes.getInt(at + 12), bytes.getInt(at + 8), bytes.getLong(at));
        } else {
            interval = Interval.parse(Bytes.utf8(bytes));
        }
        return from.apply(interval);
    }

    @Override
    public List<Class<?>> encodedClasses() {
        return List.of(type);
    }

    @Override
    public int typeOid(Class<?> valueClass, CodecRegistry registry) {
        return Oids.INTERVAL;
    }

    @Override
    public void encode(T value, ValueWriter out, CodecRegistry registry) {
        Interval interval = to.apply(value);
        out.writeLong(interval.microseconds());
        out.writeInt(interval.days());
        out.writeInt(interval.months());
    }

    @Override
    public String text(T value, CodecRegistry registry) {
        return to.apply(value).toString();
    }
}

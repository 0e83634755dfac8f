// Codecs for the java.time classes: date, time, timetz, timestamp and timestamptz.
package org.psycopg.r2dbc.codec.builtin;

import static org.psycopg.r2dbc.codec.Oids.*;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.psycopg.r2dbc.codec.Codec;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Decoding;
import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.ValueWriter;

/**
 * Reads date/time types into one java.time class and binds that class in binary: LocalDate as date,
 * LocalTime as time, OffsetTime as timetz, LocalDateTime as timestamp, OffsetDateTime, Instant and
 * ZonedDateTime as timestamptz. Defaults: date LocalDate, time LocalTime, timetz OffsetTime,
 * timestamp LocalDateTime, timestamptz OffsetDateTime in the registry's time zone. Conversions and infinities are
 * {@link Temporals}' and {@link PgEpoch}'s.
 */
final class TemporalCodec<T> implements Codec<T> {

    private final Class<T> type;
    private final List<Decoding> decodings;
    private final int oid;
    private final BiConsumer<T, ValueWriter> writer;
    private final Function<T, String> text;

    private TemporalCodec(Class<T> type, List<Decoding> decodings, int oid, BiConsumer<T, ValueWriter> writer,
                          Function<T, String> text) {
        this.type = type;
        this.decodings = decodings;
        this.oid = oid;
        this.writer = writer;
        this.text = text;
    }

    static List<Codec<?>> all() {
        return List.of(
                new TemporalCodec<>(LocalDate.class, List.of(Decoding.defaultFor(DATE)), DATE,
                        (v, out) -> out.writeInt(PgEpoch.fromLocalDate(v)), DateTimeText::formatDate),
                new TemporalCodec<>(LocalTime.class, List.of(Decoding.defaultFor(TIME), Decoding.of(TIMETZ)), TIME,
                        (v, out) -> out.writeLong(PgEpoch.fromLocalTime(v)), DateTimeText::formatTime),
                new TemporalCodec<>(OffsetTime.class, List.of(Decoding.defaultFor(TIMETZ)), TIMETZ,
                        (v, out) -> {
                            out.writeLong(PgEpoch.fromLocalTime(v.toLocalTime()));
                            out.writeInt(-v.getOffset().getTotalSeconds());
                        }, DateTimeText::formatTimetz),
                new TemporalCodec<>(LocalDateTime.class,
                        List.of(Decoding.defaultFor(TIMESTAMP), Decoding.of(TIMESTAMPTZ), Decoding.of(DATE)), TIMESTAMP,
                        (v, out) -> out.writeLong(PgEpoch.fromLocalDateTime(v)), DateTimeText::formatTimestamp),
                new TemporalCodec<>(OffsetDateTime.class, List.of(Decoding.defaultFor(TIMESTAMPTZ), Decoding.of(TIMESTAMP)),
                        TIMESTAMPTZ, (v, out) -> out.writeLong(Temporals.timestamptzMicros(v)), DateTimeText::formatTimestamptz),
                new TemporalCodec<>(Instant.class, List.of(Decoding.of(TIMESTAMPTZ), Decoding.of(TIMESTAMP)), TIMESTAMPTZ,
                        (v, out) -> out.writeLong(Temporals.timestamptzMicros(v)),
                        v -> DateTimeText.formatTimestamptz((OffsetDateTime) Temporals.convert(v, OffsetDateTime.class, ZoneOffset.UTC))),
                new TemporalCodec<>(ZonedDateTime.class, List.of(Decoding.of(TIMESTAMPTZ), Decoding.of(TIMESTAMP)), TIMESTAMPTZ,
                        (v, out) -> out.writeLong(Temporals.timestamptzMicros(v)),
                        v -> DateTimeText.formatTimestamptz(v.equals(Temporals.ZONED_MAX) ? OffsetDateTime.MAX
                                : v.equals(Temporals.ZONED_MIN) ? OffsetDateTime.MIN : v.toOffsetDateTime())));
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
        return type.cast(Temporals.convert(Temporals.read(oid, format, bytes), type, registry.timeZone()));
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

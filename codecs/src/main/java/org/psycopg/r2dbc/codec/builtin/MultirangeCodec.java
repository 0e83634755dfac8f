// Multirange types (multirangetypes.c multirange_send/multirange_recv, out/in) as Multirange.
package org.psycopg.r2dbc.codec.builtin;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.psycopg.r2dbc.codec.ByteArrayValueWriter;
import org.psycopg.r2dbc.codec.Codec;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Decoding;
import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.Multirange;
import org.psycopg.r2dbc.codec.Oids;
import org.psycopg.r2dbc.codec.PgType;
import org.psycopg.r2dbc.codec.Range;
import org.psycopg.r2dbc.codec.ValueWriter;

/**
 * Every multirange type as a {@link Multirange} (or its text when a {@code String} is asked for).
 * Binary: an int32 count, then each range as int32 length and range_send's form. Binds a
 * {@code Multirange} as the multirange type of its ranges' type; one without bounds binds untyped.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class MultirangeCodec implements Codec<Multirange> {

    private static final List<Decoding> DECODINGS = List.of(Decoding.defaultForKind(PgType.Kind.MULTIRANGE));

    @Override
    public Class<Multirange> javaType() {
        return Multirange.class;
    }

    @Override
    public List<Decoding> decodings() {
        return DECODINGS;
    }

    @Override
    public Multirange decode(int oid, Format format, ByteBuffer b, Class<?> type, CodecRegistry registry) {
        PgType multirange = registry.type(oid);
        int subtype = RangeCodec.subtype(multirange == null ? 0 : multirange.baseOid(), registry);
        List<Range> ranges = new ArrayList<>();
        if (format == Format.TEXT) {
            for (RangeText.Parsed p : RangeText.parseMultirange(Bytes.utf8(b))) {
                ranges.add(RangeCodec.fromText(p, subtype, Object.class, registry));
            }
            return new Multirange(ranges);
        }
        int at = b.position();
        int count = b.getInt(at);
        at += 4;
        ByteBuffer view = b.duplicate();
        for (int i = 0; i < count; i++) {
            int length = b.getInt(at);
            view.limit(b.limit()).position(at + 4);
            view.limit(at + 4 + length);
            ranges.add(RangeCodec.read(subtype, Format.BINARY, view, Object.class, registry));
            at += 4 + length;
        }
        return new Multirange(ranges);
    }

    @Override
    public List<Class<?>> encodedClasses() {
        return List.of(Multirange.class);
    }

    @Override
    public int encodeOid(Multirange value, CodecRegistry registry) {
        for (Object r : value.ranges()) {
            Range range = (Range) r;
            if (range.lower() != null || range.upper() != null) {
                PgType multirange = registry.multirangeOf(registry.encoder(Range.class).oid(range));
                return multirange == null ? Oids.UNSPECIFIED : multirange.oid();
            }
        }
        return Oids.UNSPECIFIED;
    }

    @Override
    public Format encodeFormat(Multirange value, CodecRegistry registry) {
        if (encodeOid(value, registry) == Oids.UNSPECIFIED) {
            return Format.TEXT;
        }
        for (Object r : value.ranges()) {
            Range range = (Range) r;
            if (range.lower() != null || range.upper() != null) {
                return registry.encoder(Range.class).format(range);
            }
        }
        return Format.TEXT;
    }

    @Override
    public void encode(Multirange value, ValueWriter out, CodecRegistry registry) {
        if (encodeFormat(value, registry) == Format.TEXT) {
            out.writeUtf8(text(value, registry));
            return;
        }
        out.writeInt(value.ranges().size());
        ByteArrayValueWriter range = new ByteArrayValueWriter();
        for (Object r : value.ranges()) {
            range.reset();
            RangeCodec.write((Range) r, range, registry);
            out.writeInt(range.size());
            range.writeTo(out);
        }
    }

    @Override
    public String text(Multirange value, CodecRegistry registry) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < value.ranges().size(); i++) {
            s.append(i == 0 ? "" : ",").append(registry.encoder(Range.class).text(value.ranges().get(i)));
        }
        return s.append('}').toString();
    }
}

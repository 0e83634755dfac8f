// Range types (rangetypes.c range_send/range_recv, range_out/range_in) as Range.
package org.psycopg.r2dbc.codec.builtin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.psycopg.r2dbc.codec.ByteArrayValueWriter;
import org.psycopg.r2dbc.codec.Codec;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Decoding;
import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.Oids;
import org.psycopg.r2dbc.codec.ParameterEncoder;
import org.psycopg.r2dbc.codec.PgType;
import org.psycopg.r2dbc.codec.Range;
import org.psycopg.r2dbc.codec.ValueWriter;

/**
 * Every range type, built-in or user-defined, as a {@link Range} whose bounds are the subtype's
 * default Java class (or as its text when a {@code String} is asked for). Binary: a flags byte, then
 * each present bound as int32 length and the subtype's binary value. Binds a {@code Range} as the
 * range type of its bounds' type, in binary; a range without bounds (empty, or unbounded both sides)
 * binds as untyped text.
 */
@SuppressWarnings("rawtypes")
final class RangeCodec implements Codec<Range> {

    static final int EMPTY = 0x01, LB_INC = 0x02, UB_INC = 0x04, LB_INF = 0x08, UB_INF = 0x10, LB_NULL = 0x20, UB_NULL = 0x40;

    private static final List<Decoding> DECODINGS = List.of(Decoding.defaultForKind(PgType.Kind.RANGE));

    @Override
    public Class<Range> javaType() {
        return Range.class;
    }

    @Override
    public List<Decoding> decodings() {
        return DECODINGS;
    }

    @Override
    public Range decode(int oid, Format format, ByteBuffer bytes, Class<?> type, CodecRegistry registry) {
        return read(subtype(oid, registry), format, bytes, Object.class, registry);
    }

    static int subtype(int rangeOid, CodecRegistry registry) {
        PgType range = registry.type(rangeOid);
        return range == null ? Oids.UNKNOWN : range.baseOid();
    }

    /** Reads one range of {@code subtype} with bounds as {@code boundClass}. */
    @SuppressWarnings("unchecked")
    static Range read(int subtype, Format format, ByteBuffer b, Class<?> boundClass, CodecRegistry registry) {
        if (format == Format.TEXT) {
            return fromText(RangeText.parseRange(Bytes.utf8(b)), subtype, boundClass, registry);
        }
        int at = b.position();
        int flags = b.get(at++);
        if ((flags & EMPTY) != 0) {
            return Range.empty();
        }
        Object lower = null;
        Object upper = null;
        ByteBuffer view = b.duplicate();
        if ((flags & (LB_INF | LB_NULL)) == 0) {
            int length = b.getInt(at);
            view.limit(b.limit()).position(at + 4);
            view.limit(at + 4 + length);
            lower = registry.decode(subtype, Format.BINARY, view, boundClass);
            at += 4 + length;
        }
        if ((flags & (UB_INF | UB_NULL)) == 0) {
            int length = b.getInt(at);
            view.limit(b.limit()).position(at + 4);
            view.limit(at + 4 + length);
            upper = registry.decode(subtype, Format.BINARY, view, boundClass);
        }
        return new Range(lower, upper, lower != null && (flags & LB_INC) != 0, upper != null && (flags & UB_INC) != 0, false);
    }

    @SuppressWarnings("unchecked")
    static Range fromText(RangeText.Parsed p, int subtype, Class<?> boundClass, CodecRegistry registry) {
        if (p.empty()) {
            return Range.empty();
        }
        Object lower = p.lower() == null ? null : bound(p.lower(), subtype, boundClass, registry);
        Object upper = p.upper() == null ? null : bound(p.upper(), subtype, boundClass, registry);
        return new Range(lower, upper, p.lowerInclusive(), p.upperInclusive(), false);
    }

    private static Object bound(String text, int subtype, Class<?> boundClass, CodecRegistry registry) {
        return registry.decode(subtype, Format.TEXT, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), boundClass);
    }

    @Override
    public List<Class<?>> encodedClasses() {
        return List.of(Range.class);
    }

    @Override
    public int encodeOid(Range value, CodecRegistry registry) {
        Object bound = value.lower() != null ? value.lower() : value.upper();
        if (bound == null) {
            return Oids.UNSPECIFIED;
        }
        PgType range = registry.rangeOf(registry.encoder(bound.getClass()).oid(bound));
        return range == null ? Oids.UNSPECIFIED : range.oid();
    }

    @Override
    public Format encodeFormat(Range value, CodecRegistry registry) {
        if (encodeOid(value, registry) == Oids.UNSPECIFIED) {
            return Format.TEXT;
        }
        Object bound = value.lower() != null ? value.lower() : value.upper();
        return registry.encoder(bound.getClass()).format(bound);
    }

    @Override
    public void encode(Range value, ValueWriter out, CodecRegistry registry) {
        if (encodeFormat(value, registry) == Format.TEXT) {
            out.writeUtf8(text(value, registry));
        } else {
            write(value, out, registry);
        }
    }

    /** range_send's form of {@code value}. */
    static void write(Range value, ValueWriter out, CodecRegistry registry) {
        if (value.isEmpty()) {
            out.writeByte(EMPTY);
            return;
        }
        int flags = (value.lowerInclusive() ? LB_INC : 0) | (value.upperInclusive() ? UB_INC : 0)
                | (value.lower() == null ? LB_INF : 0) | (value.upper() == null ? UB_INF : 0);
        out.writeByte(flags);
        ByteArrayValueWriter bound = new ByteArrayValueWriter();
        for (Object b : new Object[] {value.lower(), value.upper()}) {
            if (b != null) {
                bound.reset();
                registry.encoder(b.getClass()).encode(b, bound);
                out.writeInt(bound.size());
                bound.writeTo(out);
            }
        }
    }

    @Override
    public String text(Range value, CodecRegistry registry) {
        return RangeText.format(value.isEmpty(), boundText(value.lower(), registry), boundText(value.upper(), registry),
                value.lowerInclusive(), value.upperInclusive());
    }

    private static String boundText(Object bound, CodecRegistry registry) {
        if (bound == null) {
            return null;
        }
        ParameterEncoder encoder = registry.encoder(bound.getClass());
        return encoder.text(bound);
    }
}

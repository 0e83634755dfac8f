// Rows in PostgreSQL's binary COPY format, each value in its type's binary (send/receive) form.
package org.psycopg.r2dbc.copy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.psycopg.r2dbc.codec.ByteArrayValueWriter;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.Oids;
import org.psycopg.r2dbc.codec.ParameterEncoder;

/**
 * Writes the binary COPY format: the signature {@code PGCOPY\n\377\r\n\0}, flags and header
 * extension (both empty), then per row an int16 field count and per field an int32 length (-1
 * for NULL) and the value's bytes, and the trailer int16 -1.
 *
 * <p>Without column types, each value is written by its class's codec, which must have a binary
 * form matching the column (an {@code Integer} into {@code int4}). With column types (psycopg's
 * {@code set_types}), a value whose codec writes another type is converted: into a type whose
 * binary form is its text (text, varchar, bpchar, name, json, xml, enums, citext), and jsonb, its
 * text is written; into any other type, its text is read by the column type's codec and written
 * again in binary ({@code Integer} into {@code int8}, {@code String} into {@code uuid}).
 */
final class BinaryRowEncoder extends RowEncoder {

    static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    private final ColumnEncoders encoders;
    private final ColumnTypes types;

    /** @param types the columns' types, or null to write each value as its codec does */
    BinaryRowEncoder(CodecRegistry codecs, ColumnTypes types) {
        this.encoders = new ColumnEncoders(codecs);
        this.types = types;
    }

    @Override
    void header(ByteArrayValueWriter out) {
        out.writeBytes(SIGNATURE, 0, SIGNATURE.length);
        out.writeInt(0); // flags: no OIDs
        out.writeInt(0); // header extension length
    }

    @Override
    void trailer(ByteArrayValueWriter out) {
        out.writeShort(-1);
    }

    @Override
    void beginRow(int columns, ByteArrayValueWriter out) {
        if (types != null && columns != types.size()) {
            throw new IllegalArgumentException("the row has " + columns + " values for " + types.size() + " column types");
        }
        out.writeShort(columns);
    }

    @Override
    void field(int column, Object value, ByteArrayValueWriter out) {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        int lengthAt = out.size();
        out.writeInt(0);
        write(column, value, out);
        out.setInt(lengthAt, out.size() - lengthAt - 4);
    }

    @Override
    void endRow(ByteArrayValueWriter out) {
    }

    private void write(int column, Object value, ByteArrayValueWriter out) {
        ParameterEncoder encoder = encoders.of(column, value);
        Format format = encoder.format(value);
        int oid = types == null ? Oids.UNSPECIFIED : types.oid(column);
        if (oid == Oids.UNSPECIFIED) {
            if (format != Format.BINARY) {
                throw new IllegalArgumentException(value.getClass().getName()
                        + " has no binary form of its own: give the column types (withTypes)");
            }
            encoder.encode(value, out);
            return;
        }
        if (format == Format.BINARY && encoder.oid(value) == oid) {
            encoder.encode(value, out);
            return;
        }
        switch (types.binaryForm(column)) {
            case TEXT -> writeText(encoder, format, value, out);
            case JSONB -> {
                out.writeByte(1); // jsonb's binary format version
                writeText(encoder, format, value, out);
            }
            default -> writeConverted(oid, encoders.text(column, value), out);
        }
    }

    /** Writes the value's text: in TEXT format a codec writes exactly that. */
    private static void writeText(ParameterEncoder encoder, Format format, Object value, ByteArrayValueWriter out) {
        if (format == Format.TEXT) {
            encoder.encode(value, out);
        } else {
            out.writeUtf8(encoder.text(value));
        }
    }

    /** Reads {@code text} as the column type, then writes that in binary. */
    private void writeConverted(int oid, String text, ByteArrayValueWriter out) {
        CodecRegistry codecs = encoders.codecs();
        Object converted = codecs.decode(oid, Format.TEXT, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), Object.class);
        ParameterEncoder encoder = codecs.encoder(converted.getClass());
        if (encoder.format(converted) != Format.BINARY || encoder.oid(converted) != oid) {
            throw new IllegalArgumentException("no codec writes " + codecs.typeName(oid) + " in binary; use text or CSV COPY");
        }
        encoder.encode(converted, out);
    }
}

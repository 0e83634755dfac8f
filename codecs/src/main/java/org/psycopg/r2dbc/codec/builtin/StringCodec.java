// String: the character types (text, varchar, bpchar, name, "char"), and untyped String parameters.
package org.psycopg.r2dbc.codec.builtin;

import static org.psycopg.r2dbc.codec.Oids.*;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;

import org.psycopg.r2dbc.codec.Codec;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Decoding;
import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.PgType;
import org.psycopg.r2dbc.codec.ValueWriter;

/**
 * Reads the character types as {@code String} (their default), in both formats: their binary form is
 * the UTF-8 text (the driver runs with {@code client_encoding} UTF8). So are the types whose binary
 * form is their text: xml, json, enums, the {@code citext} extension's type, and jsonb and jsonpath
 * after their version byte. A {@code "char"} outside ASCII
 * reads as charout writes it, a backslash and three octal digits. Also reads a binary numeric as
 * numeric_out would write it, NaN and infinities included. (Every other type reads as
 * {@code String} in text format through the registry.)
 *
 * <p>Binds a {@code String} as an untyped text value (OID 0), so that the server gives it the type
 * the statement needs: text, varchar, but also json, enum, inet, citext or a domain without a cast.
 */
final class StringCodec implements Codec<String> {

    private static final List<Decoding> DECODINGS = List.of(
            Decoding.defaultFor(TEXT), Decoding.defaultFor(VARCHAR), Decoding.defaultFor(BPCHAR),
            Decoding.defaultFor(NAME), Decoding.defaultFor(CHAR), Decoding.defaultFor(UNKNOWN),
            Decoding.defaultFor(REFCURSOR), Decoding.defaultFor(XML), Decoding.defaultFor(JSON),
            Decoding.defaultFor(JSONB), Decoding.defaultFor(JSONPATH), Decoding.defaultForName("citext"),
            Decoding.defaultForKind(PgType.Kind.ENUM),
            Decoding.of(NUMERIC).in(Format.BINARY));

    @Override
    public Class<String> javaType() {
        return String.class;
    }

    @Override
    public List<Decoding> decodings() {
        return DECODINGS;
    }

    @Override
    public String decode(int oid, Format format, ByteBuffer bytes, Class<?> type, CodecRegistry registry) {
        if (format == Format.BINARY) {
            if (oid == CHAR) {
                return charText(bytes);
            }
            if (oid == NUMERIC) {
                Number n = NumericBinary.read(bytes);
                return n instanceof BigDecimal ? ((BigDecimal) n).toPlainString() : Numbers.float8Text(n.doubleValue());
            }
        }
        return JsonText.read(oid, format, bytes);
    }

    /** charsend's byte (none for the zero character) as charout writes it. */
    private static String charText(ByteBuffer bytes) {
        if (bytes.remaining() == 0) {
            return "";
        }
        int c = bytes.get(bytes.position()) & 0xFF;
        if (c < 0x80) {
            return String.valueOf((char) c);
        }
        return "\\" + (c >> 6) + ((c >> 3) & 7) + (c & 7);
    }

    @Override
    public List<Class<?>> encodedClasses() {
        return List.of(String.class);
    }

    @Override
    public Format encodeFormat(String value, CodecRegistry registry) {
        return Format.TEXT;
    }

    @Override
    public void encode(String value, ValueWriter out, CodecRegistry registry) {
        out.writeUtf8(value);
    }

    @Override
    public String text(String value, CodecRegistry registry) {
        return value;
    }
}

// The hstore extension's type (hstore_io.c hstore_send/hstore_recv, hstore_out/hstore_in) as a Map.
package org.psycopg.r2dbc.codec.builtin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.psycopg.r2dbc.codec.ByteArrayValueWriter;
import org.psycopg.r2dbc.codec.Codec;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Decoding;
import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.Oids;
import org.psycopg.r2dbc.codec.PgType;
import org.psycopg.r2dbc.codec.ValueWriter;

/**
 * hstore, named by type name since the extension's OID differs per database, as a
 * {@code Map<String, String>} in the server's order (values may be null). Binary: an int32 pair
 * count, then per pair an int32 key length and key, an int32 value length (-1 for NULL) and value.
 * Text: {@code "key"=>"value", "k2"=>NULL}. Binds a {@code Map} of strings as hstore (in binary
 * once the type's OID is known, else as untyped text).
 */
@SuppressWarnings("rawtypes")
final class HstoreCodec implements Codec<Map> {

    private static final List<Decoding> DECODINGS = List.of(Decoding.defaultForName("hstore"));

    @Override
    public Class<Map> javaType() {
        return Map.class;
    }

    @Override
    public List<Decoding> decodings() {
        return DECODINGS;
    }

    @Override
    public Map decode(int oid, Format format, ByteBuffer b, Class<?> type, CodecRegistry registry) {
        return format == Format.BINARY ? binary(b) : parse(Bytes.utf8(b));
    }

    private static Map<String, String> binary(ByteBuffer b) {
        int at = b.position();
        int count = b.getInt(at);
        at += 4;
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            int keyLength = b.getInt(at);
            String key = utf8(b, at + 4, keyLength);
            at += 4 + keyLength;
            int valueLength = b.getInt(at);
            at += 4;
            map.put(key, valueLength < 0 ? null : utf8(b, at, valueLength));
            at += Math.max(0, valueLength);
        }
        return map;
    }

    private static String utf8(ByteBuffer b, int at, int length) {
        byte[] bytes = new byte[length];
        b.get(at, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static Map<String, String> parse(String s) {
        Map<String, String> map = new LinkedHashMap<>();
        int[] at = {0};
        while (true) {
            skipSpaces(s, at);
            if (at[0] >= s.length()) {
                return map;
            }
            String key = token(s, at);
            skipSpaces(s, at);
            if (!s.startsWith("=>", at[0])) {
                throw new IllegalArgumentException("Malformed hstore literal: '" + s + "'");
            }
            at[0] += 2;
            skipSpaces(s, at);
            boolean quoted = at[0] < s.length() && s.charAt(at[0]) == '"';
            String value = token(s, at);
            map.put(key, !quoted && value.equalsIgnoreCase("NULL") ? null : value);
            skipSpaces(s, at);
            if (at[0] < s.length()) {
                if (s.charAt(at[0]) != ',') {
                    throw new IllegalArgumentException("Malformed hstore literal: '" + s + "'");
                }
                at[0]++;
            }
        }
    }

    private static String token(String s, int[] at) {
        StringBuilder b = new StringBuilder();
        if (at[0] < s.length() && s.charAt(at[0]) == '"') {
            at[0]++;
            while (true) {
                if (at[0] >= s.length()) {
                    throw new IllegalArgumentException("Unterminated quote in hstore literal: '" + s + "'");
                }
                char c = s.charAt(at[0]++);
                if (c == '"') {
                    return b.toString();
                }
                if (c == '\\' && at[0] < s.length()) {
                    c = s.charAt(at[0]++);
                }
                b.append(c);
            }
        }
        while (at[0] < s.length()) {
            char c = s.charAt(at[0]);
            if (c == ',' || c == '=' && s.startsWith("=>", at[0]) || Character.isWhitespace(c)) {
                break;
            }
            if (c == '\\' && at[0] + 1 < s.length()) {
                at[0]++;
                c = s.charAt(at[0]);
            }
            b.append(c);
            at[0]++;
        }
        return b.toString();
    }

    private static void skipSpaces(String s, int[] at) {
        while (at[0] < s.length() && Character.isWhitespace(s.charAt(at[0]))) {
            at[0]++;
        }
    }

    @Override
    public List<Class<?>> encodedClasses() {
        return List.of(Map.class);
    }

    @Override
    public int typeOid(Class<?> valueClass, CodecRegistry registry) {
        PgType hstore = registry.type("hstore");
        return hstore == null ? Oids.UNSPECIFIED : hstore.oid();
    }

    @Override
    public Format encodeFormat(Map value, CodecRegistry registry) {
        return typeOid(Map.class, registry) == Oids.UNSPECIFIED ? Format.TEXT : Format.BINARY;
    }

    @Override
    public void encode(Map value, ValueWriter out, CodecRegistry registry) {
        if (encodeFormat(value, registry) == Format.TEXT) {
            out.writeUtf8(text(value, registry));
            return;
        }
        out.writeInt(value.size());
        ByteArrayValueWriter scratch = new ByteArrayValueWriter();
        for (Object o : value.entrySet()) {
            Map.Entry e = (Map.Entry) o;
            writeString(key(e), out, scratch);
            String v = stringValue(e.getValue());
            if (v == null) {
                out.writeInt(-1);
            } else {
                writeString(v, out, scratch);
            }
        }
    }

    private static void writeString(String s, ValueWriter out, ByteArrayValueWriter scratch) {
        scratch.reset();
        scratch.writeUtf8(s);
        out.writeInt(scratch.size());
        scratch.writeTo(out);
    }

    private static String key(Map.Entry e) {
        String key = stringValue(e.getKey());
        if (key == null) {
            throw new IllegalArgumentException("hstore keys are not null");
        }
        return key;
    }

    private static String stringValue(Object o) {
        if (o == null || o instanceof CharSequence) {
            return o == null ? null : o.toString();
        }
        throw new IllegalArgumentException("hstore holds strings, not " + o.getClass().getName());
    }

    @Override
    public String text(Map value, CodecRegistry registry) {
        StringBuilder s = new StringBuilder();
        for (Object o : value.entrySet()) {
            Map.Entry e = (Map.Entry) o;
            if (s.length() > 0) {
                s.append(", ");
            }
            quote(s, key(e));
            s.append("=>");
            String v = stringValue(e.getValue());
            if (v == null) {
                s.append("NULL");
            } else {
                quote(s, v);
            }
        }
        return s.toString();
    }

    private static void quote(StringBuilder s, String text) {
        s.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                s.append('\\');
            }
            s.append(c);
        }
        s.append('"');
    }
}

// The text of json, jsonb and jsonpath values in both formats.
package org.psycopg.r2dbc.codec.builtin;

import java.nio.ByteBuffer;

import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.Oids;
import org.psycopg.r2dbc.codec.ValueWriter;

/**
 * json's binary form is its text (json_send); jsonb's and jsonpath's are a version byte, 1, then the
 * text (jsonb_send, jsonpath_send). Text format is the text for all three.
 */
final class JsonText {

    static final int VERSION = 1;

    private JsonText() {
    }

    static String read(int oid, Format format, ByteBuffer b) {
        if (format == Format.BINARY && (oid == Oids.JSONB || oid == Oids.JSONPATH)) {
            if (b.remaining() < 1 || b.get(b.position()) != VERSION) {
                throw new IllegalArgumentException("Unsupported binary " + (oid == Oids.JSONB ? "jsonb" : "jsonpath") + " version");
            }
            ByteBuffer text = b.duplicate();
            text.position(b.position() + 1);
            return Bytes.utf8(text);
        }
        return Bytes.utf8(b);
    }

    /** Writes jsonb's binary form. */
    static void writeJsonb(String text, ValueWriter out) {
        out.writeByte(VERSION);
        out.writeUtf8(text);
    }
}

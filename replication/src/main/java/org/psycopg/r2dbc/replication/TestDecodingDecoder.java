// Reads test_decoding's text lines into TestDecodingMessages, column values through the codecs.
package org.psycopg.r2dbc.replication;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.PgType;
import org.psycopg.r2dbc.replication.ChangeEvent.Operation;
import org.psycopg.r2dbc.replication.TestDecodingMessage.Begin;
import org.psycopg.r2dbc.replication.TestDecodingMessage.Change;
import org.psycopg.r2dbc.replication.TestDecodingMessage.Column;
import org.psycopg.r2dbc.replication.TestDecodingMessage.Commit;
import org.psycopg.r2dbc.replication.TestDecodingMessage.CommitPrepared;
import org.psycopg.r2dbc.replication.TestDecodingMessage.LogicalMessage;
import org.psycopg.r2dbc.replication.TestDecodingMessage.Prepare;
import org.psycopg.r2dbc.replication.TestDecodingMessage.RollbackPrepared;
import org.psycopg.r2dbc.replication.TestDecodingMessage.Table;
import org.psycopg.r2dbc.replication.TestDecodingMessage.Truncate;

/**
 * Parses the lines that PostgreSQL's {@code test_decoding} plugin writes (one per XLogData), with
 * or without {@code include-xids} and {@code include-timestamp}. A column's value is written as
 * test_decoding writes it (numbers and booleans bare, bit strings as {@code B'...'}, everything
 * else quoted with doubled quotes, {@code null}, {@code unchanged-toast-datum}) and read through
 * the codec registry as the type's text format; the type is found by the name the server printed
 * (SQL-standard names such as {@code timestamp with time zone} included, and arrays of them). A
 * type the registry does not know, or a value its codec cannot read, stays a String.
 *
 * <p>The lines of {@code stream-changes} mode carry no changes and are not parsed. Stateless
 * apart from the registry: thread-safe.
 *
 * @throws IllegalArgumentException from {@link #decode} on a line it cannot read
 */
public final class TestDecodingDecoder {

    /** The names format_type gives built-in types that differ from their pg_type names. */
    private static final Map<String, String> SQL_NAMES = Map.ofEntries(
            Map.entry("boolean", "bool"), Map.entry("character", "bpchar"), Map.entry("character varying", "varchar"),
            Map.entry("smallint", "int2"), Map.entry("integer", "int4"), Map.entry("bigint", "int8"),
            Map.entry("real", "float4"), Map.entry("double precision", "float8"), Map.entry("bit varying", "varbit"),
            Map.entry("time without time zone", "time"), Map.entry("time with time zone", "timetz"),
            Map.entry("timestamp without time zone", "timestamp"), Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("\"char\"", "char"));

    /** What timestamptz_to_str writes: ISO date and time, then the offset. */
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4,}-\\d\\d-\\d\\d) (\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?)([+-]\\d\\d(?::\\d\\d){0,2})");
    private static final Pattern MESSAGE = Pattern.compile("message: transactional: ([01]) prefix: ");
    private static final Pattern SIZE = Pattern.compile(", sz: (\\d+) content:");

    private final CodecRegistry codecs;

    /** A decoder that reads values with {@code codecs}. */
    public TestDecodingDecoder(CodecRegistry codecs) {
        this.codecs = codecs;
    }

    /** A decoder that reads values with {@link CodecRegistry#defaults()}. */
    public TestDecodingDecoder() {
        this(CodecRegistry.defaults());
    }

    /** Decodes one XLogData payload (UTF-8, between position and limit; the buffer is not moved). */
    public TestDecodingMessage decode(ByteBuffer payload) {
        return decode(StandardCharsets.UTF_8.decode(payload.duplicate()).toString());
    }

    /** Decodes one line. */
    public TestDecodingMessage decode(String line) {
        try {
            return read(new Cursor(line));
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            throw new IllegalArgumentException("test_decoding line not understood: " + line, e);
        }
    }

    private TestDecodingMessage read(Cursor in) {
        if (in.skip("table ")) {
            return readTableLine(in);
        }
        if (in.skip("BEGIN")) {
            long xid = in.skip(" ") ? in.unsigned() : 0;
            in.expectEnd();
            return new Begin(xid);
        }
        if (in.skip("PREPARE TRANSACTION ")) {
            String gid = in.literal();
            return new Prepare(gid, txid(in), timestamp(in));
        }
        if (in.skip("COMMIT PREPARED ")) {
            String gid = in.literal();
            return new CommitPrepared(gid, txid(in), timestamp(in));
        }
        if (in.skip("ROLLBACK PREPARED ")) {
            String gid = in.literal();
            return new RollbackPrepared(gid, txid(in), timestamp(in));
        }
        if (in.skip("COMMIT")) {
            long xid = !in.peek(" (at ") && in.skip(" ") ? in.unsigned() : 0;
            return new Commit(xid, timestamp(in));
        }
        if (in.text.startsWith("message: ")) {
            return readMessage(in.text);
        }
        throw new IllegalArgumentException("test_decoding line not understood: " + in.text);
    }

    private static long txid(Cursor in) {
        return in.skip(", txid ") ? in.unsigned() : 0;
    }

    /** The optional {@code " (at ...)"} that ends a line, or null. */
    private static Instant timestamp(Cursor in) {
        if (!in.skip(" (at ")) {
            in.expectEnd();
            return null;
        }
        String text = in.text.substring(in.at, in.text.length() - 1);
        Matcher m = TIMESTAMP.matcher(text);
        if (!m.matches() || !in.text.endsWith(")")) {
            throw new IllegalArgumentException("Not a timestamp: " + text);
        }
        return LocalDateTime.parse(m.group(1) + "T" + m.group(2)).toInstant(ZoneOffset.of(m.group(3)));
    }

    /** {@code content} is the last {@code sz} bytes: the prefix ends where such a size fits. */
    private static LogicalMessage readMessage(String line) {
        Matcher head = MESSAGE.matcher(line);
        if (!head.lookingAt()) {
            throw new IllegalArgumentException("test_decoding line not understood: " + line);
        }
        Matcher size = SIZE.matcher(line);
        int from = head.end();
        while (size.find(from)) {
            String content = line.substring(size.end());
            if (content.getBytes(StandardCharsets.UTF_8).length == Long.parseLong(size.group(1))) {
                return new LogicalMessage(head.group(1).equals("1"), line.substring(head.end(), size.start()), content);
            }
            from = size.start() + 1;
        }
        throw new IllegalArgumentException("test_decoding message without a matching size: " + line);
    }

    private TestDecodingMessage readTableLine(Cursor in) {
        List<Table> tables = new ArrayList<>();
        do {
            String first = in.identifier();
            in.expect('.');
            tables.add(new Table(first, in.identifier()));
        } while (in.skip(", "));
        in.expect(':');
        if (in.skip(" TRUNCATE:")) {
            boolean restartSeqs = false;
            boolean cascade = false;
            if (!in.skip(" (no-flags)")) {
                restartSeqs = in.skip(" restart_seqs");
                cascade = in.skip(" cascade");
            }
            in.expectEnd();
            return new Truncate(tables, restartSeqs, cascade);
        }
        if (tables.size() != 1) {
            throw new IllegalArgumentException("A row change of several tables: " + in.text);
        }
        Table table = tables.get(0);
        if (in.skip(" INSERT:")) {
            return new Change(table, Operation.INSERT, List.of(), tuple(in));
        }
        if (in.skip(" UPDATE:")) {
            List<Column> oldKey = List.of();
            if (in.skip(" old-key:")) {
                oldKey = tuple(in);
                in.expect(" new-tuple:");
            }
            return new Change(table, Operation.UPDATE, oldKey, tuple(in));
        }
        if (in.skip(" DELETE:")) {
            return new Change(table, Operation.DELETE, tuple(in), List.of());
        }
        throw new IllegalArgumentException("test_decoding line not understood: " + in.text);
    }

    /** Columns up to the end of the line or to {@code " new-tuple:"} (which no column name can be). */
    private List<Column> tuple(Cursor in) {
        List<Column> columns = new ArrayList<>();
        if (in.skip(" (no-tuple-data)")) {
            return columns;
        }
        while (!in.atEnd() && !in.peek(" new-tuple:")) {
            in.expect(' ');
            String name = in.identifier();
            in.expect('[');
            String type = in.typeName();
            in.expect("]:");
            columns.add(new Column(name, type, value(in, type)));
        }
        return columns;
    }

    private Object value(Cursor in, String type) {
        if (in.skip("null")) {
            return null;
        }
        if (in.skip("unchanged-toast-datum")) {
            return UnchangedToast.VALUE;
        }
        if (in.peek('\'')) {
            return typed(type, in.quoted());
        }
        if (in.skip("B")) {
            return typed(type, in.quoted());
        }
        String bare = in.bare();
        if (type.equals("boolean")) {
            return Boolean.valueOf(bare);
        }
        return typed(type, bare);
    }

    private Object typed(String typeName, String text) {
        int oid = oid(typeName);
        if (oid == 0) {
            return text;
        }
        try {
            return codecs.decode(oid, Format.TEXT, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), Object.class);
        } catch (IllegalArgumentException unreadable) {
            return text;
        }
    }

    /** The OID of the type format_type named so, or 0 when the registry does not know it. */
    private int oid(String typeName) {
        if (typeName.endsWith("[]")) {
            PgType element = type(typeName.substring(0, typeName.length() - 2));
            return element == null ? 0 : element.arrayOid();
        }
        PgType type = type(typeName);
        return type == null ? 0 : type.oid();
    }

    private PgType type(String typeName) {
        String name = SQL_NAMES.getOrDefault(typeName, typeName);
        if (name.startsWith("\"") && name.endsWith("\"") && name.indexOf('"', 1) == name.length() - 1) {
            name = name.substring(1, name.length() - 1);
        } else if (name.indexOf('"') >= 0 || name.indexOf('.') >= 0) {
            return null; // schema-qualified or a quoted part: not one of the registry's names
        }
        return codecs.type(name);
    }

    /** A position in one line. */
    private static final class Cursor {

        final String text;
        int at;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return at == text.length();
        }

        boolean peek(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        boolean peek(String s) {
            return text.startsWith(s, at);
        }

        boolean skip(String s) {
            if (!text.startsWith(s, at)) {
                return false;
            }
            at += s.length();
            return true;
        }

        void expect(char c) {
            if (!peek(c)) {
                throw new IllegalArgumentException("Expected '" + c + "' at " + at + ": " + text);
            }
            at++;
        }

        void expect(String s) {
            if (!skip(s)) {
                throw new IllegalArgumentException("Expected '" + s + "' at " + at + ": " + text);
            }
        }

        void expectEnd() {
            if (!atEnd()) {
                throw new IllegalArgumentException("Unexpected text at " + at + ": " + text);
            }
        }

        long unsigned() {
            int start = at;
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            return Long.parseLong(text.substring(start, at));
        }

        /** An identifier as quote_identifier writes it: bare, or in double quotes with doubled quotes inside. */
        String identifier() {
            if (peek('"')) {
                return quoted('"');
            }
            int start = at;
            while (at < text.length() && ".:,[ ".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            if (at == start) {
                throw new IllegalArgumentException("Expected an identifier at " + at + ": " + text);
            }
            return text.substring(start, at);
        }

        /** A type's name up to the {@code ]:} that ends it, double-quoted parts and {@code []} included. */
        String typeName() {
            int start = at;
            while (!text.startsWith("]:", at)) {
                if (atEnd()) {
                    throw new IllegalArgumentException("Unterminated type name at " + start + ": " + text);
                }
                if (peek('"')) {
                    quoted('"');
                } else {
                    at++;
                }
            }
            return text.substring(start, at);
        }

        /** A single-quoted literal, {@code E'...'} (backslashes doubled) included, as quote_literal writes it. */
        String literal() {
            if (skip("E")) {
                return quoted('\'').replace("\\\\", "\\");
            }
            return quoted('\'');
        }

        String quoted() {
            return quoted('\'');
        }

        /** Text between {@code quote}s, each quote inside doubled. */
        private String quoted(char quote) {
            expect(quote);
            StringBuilder value = new StringBuilder();
            while (true) {
                int end = text.indexOf(quote, at);
                if (end < 0) {
                    throw new IllegalArgumentException("Unterminated " + quote + " at " + at + ": " + text);
                }
                value.append(text, at, end);
                at = end + 1;
                if (!peek(quote)) {
                    return value.toString();
                }
                value.append(quote);
                at++;
            }
        }

        /** An unquoted value: up to the next space or the end. */
        String bare() {
            int start = at;
            while (at < text.length() && text.charAt(at) != ' ') {
                at++;
            }
            return text.substring(start, at);
        }
    }
}

// Typed rows to and from COPY data in text, CSV or binary format, through the codecs.
package org.psycopg.r2dbc.copy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.sql.Literal;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes rows as the bytes of a COPY FROM STDIN and reads the bytes of a COPY TO STDOUT back as
 * rows, in one of PostgreSQL's three COPY formats, converting values with a {@link CodecRegistry}:
 *
 * <pre>{@code
 * CopyRows binary = CopyRows.binary(codecs).withTypes("int4", "text", "timestamptz");
 * Mono<Long> copied = connection.copyIn("COPY t FROM STDIN (FORMAT binary)", binary.encode(rows));
 * Flux<Object[]> back = binary.rows(connection.copyOut("COPY t TO STDOUT (FORMAT binary)"));
 *
 * CopyRows csv = CopyRows.csv(codecs);
 * connection.copyIn("COPY t FROM STDIN " + csv.options(), csv.encode(Flux.just(new Item(1, "a,b"))));
 * }</pre>
 *
 * <p>A row is an {@code Object[]}, a {@code List} or a record (its components in order); a Java
 * {@code null} is SQL NULL. Text and CSV write each value as its type's text and escape it as
 * the format requires (delimiters, quotes, backslashes, newlines; unicode as UTF-8); the settings
 * given here ({@link #withDelimiter}, {@link #withNull}, {@link #withQuote}) must be those of the
 * COPY statement, which {@link #options()} renders. Binary writes each value in its type's binary
 * form: see {@link #withTypes(String...)} for how values meet column types.
 *
 * <p>Reading: binary data needs the column types (or the Java classes, whose own types are then
 * assumed); text and CSV read untyped columns as {@code String}. Chunk boundaries may fall anywhere.
 *
 * <p>Publishers returned are cold, backpressured and hold one chunk (about {@link Copy#MAX_CHUNK}
 * bytes) or one row at a time; each subscription encodes or decodes afresh. Instances are
 * immutable and thread-safe; the {@code with...} methods return modified copies.
 */
public final class CopyRows {

    private enum Kind { TEXT, CSV, BINARY }

    private final Kind kind;
    private final CodecRegistry codecs;
    private final ColumnTypes types;
    private final char delimiter;
    private final char quote;
    private final String nullString;

    private CopyRows(Kind kind, CodecRegistry codecs, ColumnTypes types, char delimiter, char quote, String nullString) {
        this.kind = kind;
        this.codecs = Objects.requireNonNull(codecs, "codecs");
        this.types = types;
        this.delimiter = delimiter;
        this.quote = quote;
        this.nullString = nullString;
    }

    /** The text format: tab-delimited, {@code \N} for NULL. */
    public static CopyRows text(CodecRegistry codecs) {
        return new CopyRows(Kind.TEXT, codecs, null, '\t', '"', "\\N");
    }

    /** The CSV format: comma-delimited, double quotes, NULL as an unquoted empty field. */
    public static CopyRows csv(CodecRegistry codecs) {
        return new CopyRows(Kind.CSV, codecs, null, ',', '"', "");
    }

    /** The binary format. */
    public static CopyRows binary(CodecRegistry codecs) {
        return new CopyRows(Kind.BINARY, codecs, null, '\t', '"', "\\N");
    }

    /**
     * Sets the column types, by name, as psycopg's {@code set_types} does: {@code pg_type} names
     * ({@code int4}, {@code timestamptz}, an enum or composite the registry knows), the SQL names of
     * built-in types ({@code integer}, {@code double precision}), either followed by {@code []}.
     *
     * <p>Binary writing uses them to write values the column's way: a value whose codec writes the
     * column type is written as it is; into a type whose binary form is its text (text, varchar,
     * json, xml, enums, citext) and jsonb, the value's text is written; into any other type the
     * value's text is read by the column type's codec and written back in binary (an
     * {@code Integer} into {@code int8}, a {@code String} into {@code uuid}). Reading decodes each
     * column as its type. Text and CSV reading decodes typed columns; text and CSV writing does
     * not need types.
     *
     * @throws IllegalArgumentException naming an unknown type
     */
    public CopyRows withTypes(String... typeNames) {
        return new CopyRows(kind, codecs, ColumnTypes.ofNames(codecs, typeNames), delimiter, quote, nullString);
    }

    /** Sets the column types by OID; see {@link #withTypes(String...)}. */
    public CopyRows withTypes(int... oids) {
        return new CopyRows(kind, codecs, ColumnTypes.ofOids(codecs, oids), delimiter, quote, nullString);
    }

    /**
     * Sets the delimiter of text or CSV, an ASCII character: the statement's {@code DELIMITER}.
     *
     * @throws IllegalArgumentException for binary, or a character COPY refuses as delimiter
     */
    public CopyRows withDelimiter(char delimiter) {
        requireLineFormat("a delimiter");
        if (delimiter >= 0x80 || delimiter == '\n' || delimiter == '\r' || delimiter == '\\' || delimiter == quote
                || (kind == Kind.TEXT && "abcdefghijklmnopqrstuvwxyz0123456789.".indexOf(Character.toLowerCase(delimiter)) >= 0)) {
            throw new IllegalArgumentException("COPY cannot use " + delimiter + " as delimiter");
        }
        return new CopyRows(kind, codecs, types, delimiter, quote, nullString);
    }

    /**
     * Sets the text that stands for NULL: the statement's {@code NULL} option.
     *
     * @throws IllegalArgumentException for binary, or a null string holding a newline or carriage return
     */
    public CopyRows withNull(String nullString) {
        requireLineFormat("a null string");
        if (nullString.indexOf('\n') >= 0 || nullString.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("COPY null string cannot hold a newline or carriage return");
        }
        return new CopyRows(kind, codecs, types, delimiter, quote, nullString);
    }

    /**
     * Sets the quote character of CSV, an ASCII character: the statement's {@code QUOTE} (its
     * {@code ESCAPE} is left at the default, the quote character itself).
     *
     * @throws IllegalArgumentException for text or binary, or a quote equal to the delimiter
     */
    public CopyRows withQuote(char quote) {
        if (kind != Kind.CSV) {
            throw new IllegalArgumentException("only CSV has a quote character");
        }
        if (quote >= 0x80 || quote == delimiter || quote == '\n' || quote == '\r') {
            throw new IllegalArgumentException("COPY cannot use " + quote + " as quote");
        }
        return new CopyRows(kind, codecs, types, delimiter, quote, nullString);
    }

    /**
     * The options clause of a COPY statement in this format with these settings, such as
     * {@code (FORMAT csv, DELIMITER ',', NULL '', QUOTE '"')}, to append to {@code COPY t FROM STDIN }.
     */
    public String options() {
        return switch (kind) {
            case BINARY -> "(FORMAT binary)";
            case TEXT -> "(FORMAT text, DELIMITER " + literal(delimiter) + ", NULL " + Literal.of(nullString).render() + ")";
            case CSV -> "(FORMAT csv, DELIMITER " + literal(delimiter) + ", NULL " + Literal.of(nullString).render()
                    + ", QUOTE " + literal(quote) + ")";
        };
    }

    /**
     * The COPY data of {@code rows}, for {@code copyIn}: binary data begins with its header and
     * ends with its trailer (also when there are no rows). Each buffer holds whole rows, about
     * {@link Copy#MAX_CHUNK} bytes, and belongs to the subscriber. A value that cannot be written
     * fails the stream with an {@link IllegalArgumentException} naming its row (from 1) and column.
     */
    public Flux<ByteBuffer> encode(Publisher<?> rows) {
        Objects.requireNonNull(rows, "rows");
        return Flux.defer(() -> {
            RowEncoder encoder = newEncoder();
            CopyChunk chunk = new CopyChunk(Copy.MAX_CHUNK + Copy.MAX_CHUNK / 4);
            encoder.header(chunk);
            Flux<ByteBuffer> full = Flux.from(rows).handle((row, sink) -> {
                encoder.row(RecordRows.values(row), chunk);
                if (chunk.size() >= Copy.MAX_CHUNK) {
                    sink.next(chunk.take());
                }
            });
            return full.concatWith(Mono.fromSupplier(() -> {
                encoder.trailer(chunk);
                return chunk.size() > 0 ? chunk.take() : null;
            }));
        });
    }

    /**
     * The rows of {@code data}, each value of its column type's default Java class (or
     * {@code String} for an untyped text or CSV column).
     *
     * @throws IllegalArgumentException for binary without column types
     */
    public Flux<Object[]> rows(Publisher<ByteBuffer> data) {
        return decode(data, null, row -> row);
    }

    /**
     * The rows of {@code data}, each value of its column's class. Without column types, each
     * column's type is the one its class binds as ({@code Integer}: int4, {@code Long}: int8).
     *
     * @throws IllegalArgumentException when the classes and column types differ in number, or
     *                                  binary data has a column whose class names no type
     */
    public Flux<Object[]> rows(Publisher<ByteBuffer> data, Class<?>... classes) {
        return decode(data, classes.clone(), row -> row);
    }

    /** The rows of {@code data} as records of {@code type}, one column per component, read as the component's class. */
    public <R extends Record> Flux<R> records(Publisher<ByteBuffer> data, Class<R> type) {
        RecordRows shape = RecordRows.of(type);
        return decode(data, shape.types(), row -> type.cast(shape.build(row)));
    }

    private <T> Flux<T> decode(Publisher<ByteBuffer> data, Class<?>[] classes, Function<Object[], T> make) {
        Objects.requireNonNull(data, "data");
        Format format = kind == Kind.BINARY ? Format.BINARY : Format.TEXT;
        // Checked now, so that a missing type fails the call rather than the stream.
        int[] oids = types == null ? null : types.oids();
        new ColumnReaders(codecs, format, oids, classes);
        return Flux.defer(() -> {
            RowDecoder decoder = newDecoder();
            ColumnReaders readers = new ColumnReaders(codecs, format, oids, classes);
            Function<RowFields, T> row = fields -> make.apply(readers.apply(fields));
            return Flux.from(data)
                    .concatMapIterable(chunk -> decoder.feed(chunk, row))
                    .concatWith(Mono.<T>fromRunnable(decoder::finish));
        });
    }

    private RowEncoder newEncoder() {
        return switch (kind) {
            case TEXT -> new TextRowEncoder(codecs, delimiter, nullString);
            case CSV -> new CsvRowEncoder(codecs, delimiter, quote, nullString);
            case BINARY -> new BinaryRowEncoder(codecs, types);
        };
    }

    private RowDecoder newDecoder() {
        byte[] nullBytes = nullString.getBytes(StandardCharsets.UTF_8);
        return switch (kind) {
            case TEXT -> new TextRowDecoder(delimiter, nullBytes);
            case CSV -> new CsvRowDecoder(delimiter, quote, nullBytes);
            case BINARY -> new BinaryRowDecoder();
        };
    }

    private void requireLineFormat(String what) {
        if (kind == Kind.BINARY) {
            throw new IllegalArgumentException("binary COPY has no " + what);
        }
    }

    private static String literal(char c) {
        return Literal.of(String.valueOf(c)).render();
    }
}

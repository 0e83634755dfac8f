// Typed rows to and from COPY data in text, CSV or binary format, through the codecs.
package org.psycopg.r2dbc.copy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;
import org.psycopg.r2dbc.codec.ByteArrayValueWriter;
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
 * given here ({@link #withDelimiter}, {@link #withNull}, {@link #withQuote}, {@link #withEscape},
 * {@link #withHeader}) must be those of the COPY statement, which {@link #options()} renders; they
 * are checked as COPY checks them. Binary writes each value in its type's binary
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

    /** The characters text COPY refuses as delimiter: they would read as escapes or data. */
    private static final String UNSAFE_TEXT_DELIMITERS = "\\.abcdefghijklmnopqrstuvwxyz0123456789";

    private final Kind kind;
    private final CodecRegistry codecs;
    private final ColumnTypes types;
    private final char delimiter;
    private final char quote;
    private final char escape;
    private final String nullString;
    private final String[] header;

    /**
     * Checks the settings as COPY does (ProcessCopyOptions in PostgreSQL's copy.c), so that a
     * statement rendered by {@link #options()} is accepted.
     */
    private CopyRows(Kind kind, CodecRegistry codecs, ColumnTypes types, char delimiter, char quote, char escape,
                     String nullString, String[] header) {
        this.kind = kind;
        this.codecs = Objects.requireNonNull(codecs, "codecs");
        this.types = types;
        this.delimiter = delimiter;
        this.quote = quote;
        this.escape = escape;
        this.nullString = Objects.requireNonNull(nullString, "nullString");
        this.header = header;
        if (kind == Kind.BINARY) {
            return;
        }
        requireOneByte("delimiter", delimiter);
        if (delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("COPY delimiter cannot be newline or carriage return");
        }
        if (kind == Kind.TEXT && UNSAFE_TEXT_DELIMITERS.indexOf(delimiter) >= 0) {
            throw new IllegalArgumentException("COPY delimiter cannot be \"" + delimiter + "\"");
        }
        if (nullString.indexOf('\n') >= 0 || nullString.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("COPY null representation cannot use newline or carriage return");
        }
        if (nullString.indexOf(delimiter) >= 0) {
            throw new IllegalArgumentException("COPY delimiter character must not appear in the NULL specification");
        }
        if (kind == Kind.CSV) {
            requireOneByte("quote", quote);
            requireOneByte("escape", escape);
            if (delimiter == quote) {
                throw new IllegalArgumentException("COPY delimiter and quote must be different");
            }
            if (nullString.indexOf(quote) >= 0) {
                throw new IllegalArgumentException("CSV quote character must not appear in the NULL specification");
            }
        }
    }

    /** The text format: tab-delimited, {@code \N} for NULL. */
    public static CopyRows text(CodecRegistry codecs) {
        return new CopyRows(Kind.TEXT, codecs, null, '\t', '"', '"', "\\N", null);
    }

    /** The CSV format: comma-delimited, double quotes (escaped by doubling), NULL as an unquoted empty field. */
    public static CopyRows csv(CodecRegistry codecs) {
        return new CopyRows(Kind.CSV, codecs, null, ',', '"', '"', "", null);
    }

    /** The binary format. */
    public static CopyRows binary(CodecRegistry codecs) {
        return new CopyRows(Kind.BINARY, codecs, null, '\t', '"', '"', "\\N", null);
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
        return new CopyRows(kind, codecs, ColumnTypes.ofNames(codecs, typeNames), delimiter, quote, escape, nullString, header);
    }

    /** Sets the column types by OID; see {@link #withTypes(String...)}. */
    public CopyRows withTypes(int... oids) {
        return new CopyRows(kind, codecs, ColumnTypes.ofOids(codecs, oids), delimiter, quote, escape, nullString, header);
    }

    /**
     * Sets the delimiter of text or CSV, an ASCII character: the statement's {@code DELIMITER}.
     *
     * @throws IllegalArgumentException for binary, or a delimiter COPY refuses: not ASCII, newline
     *                                  or carriage return, for text a backslash, period, lower-case
     *                                  letter or digit, for CSV the quote; or one the null string holds
     */
    public CopyRows withDelimiter(char delimiter) {
        requireLineFormat("a delimiter");
        return new CopyRows(kind, codecs, types, delimiter, quote, escape, nullString, header);
    }

    /**
     * Sets the text that stands for NULL: the statement's {@code NULL} option. Writing keeps a value
     * equal to it apart from NULL (text escapes it, CSV quotes it); the server's text COPY TO does
     * not, so a value equal to the null string reads back from the server as NULL in text format.
     *
     * @throws IllegalArgumentException for binary, or a null string holding a newline, carriage
     *                                  return, the delimiter or (CSV) the quote
     */
    public CopyRows withNull(String nullString) {
        requireLineFormat("a null string");
        return new CopyRows(kind, codecs, types, delimiter, quote, escape, nullString, header);
    }

    /**
     * Sets the quote character of CSV, an ASCII character: the statement's {@code QUOTE}. The escape
     * character stays what it was (by default the quote, so that a quote in a value is doubled).
     *
     * @throws IllegalArgumentException for text or binary, a quote equal to the delimiter, or one the null string holds
     */
    public CopyRows withQuote(char quote) {
        requireCsv("a quote character");
        char newEscape = escape == this.quote ? quote : escape;
        return new CopyRows(kind, codecs, types, delimiter, quote, newEscape, nullString, header);
    }

    /**
     * Sets the escape character of CSV, an ASCII character: the statement's {@code ESCAPE}. Within
     * a quoted value it comes before each quote and each escape character of the data (with
     * {@code '\\'}: {@code "say \"hi\" \\o/"}); by default it is the quote itself.
     *
     * @throws IllegalArgumentException for text or binary, or a character that is not ASCII
     */
    public CopyRows withEscape(char escape) {
        requireCsv("an escape character");
        return new CopyRows(kind, codecs, types, delimiter, quote, escape, nullString, header);
    }

    /**
     * Says that the data begins with a header line of column names: the statement's {@code HEADER}
     * (text since PostgreSQL 15, CSV in every version). Writing writes {@code names} as that line,
     * escaped and quoted as values are; {@code COPY FROM} skips it ({@code HEADER MATCH} checks it
     * against the table's columns). Reading takes the first line as the header: with names given,
     * it must hold exactly these (else the stream fails naming the first field that differs),
     * without names it is skipped.
     *
     * @throws IllegalArgumentException for binary, or a null name
     */
    public CopyRows withHeader(String... names) {
        requireLineFormat("a header");
        for (String name : names) {
            Objects.requireNonNull(name, "a header name");
        }
        return new CopyRows(kind, codecs, types, delimiter, quote, escape, nullString, names.clone());
    }

    /**
     * The options clause of a COPY statement in this format with these settings, such as
     * {@code (FORMAT csv, DELIMITER ',', NULL '', QUOTE '"')}, to append to {@code COPY t FROM STDIN }.
     * {@code ESCAPE} and {@code HEADER} appear when they are set.
     */
    public String options() {
        String header = this.header != null ? ", HEADER true" : "";
        return switch (kind) {
            case BINARY -> "(FORMAT binary)";
            case TEXT -> "(FORMAT text, DELIMITER " + literal(delimiter) + ", NULL " + Literal.of(nullString).render()
                    + header + ")";
            case CSV -> "(FORMAT csv, DELIMITER " + literal(delimiter) + ", NULL " + Literal.of(nullString).render()
                    + ", QUOTE " + literal(quote) + (escape != quote ? ", ESCAPE " + literal(escape) : "") + header + ")";
        };
    }

    /**
     * The COPY data of {@code rows}, for {@code copyIn}: binary data begins with its header and
     * ends with its trailer (also when there are no rows). Each buffer holds whole rows, about
     * {@link Copy#MAX_CHUNK} bytes, and belongs to the subscriber. A value that cannot be written
     * fails the stream with an {@link IllegalArgumentException} naming its row (from 1) and column.
     *
     * @throws IllegalStateException when a header is set without column names
     */
    public Flux<ByteBuffer> encode(Publisher<?> rows) {
        Objects.requireNonNull(rows, "rows");
        if (header != null && header.length == 0) {
            throw new IllegalStateException("writing a header line needs the column names: withHeader(names...)");
        }
        return Flux.defer(() -> {
            RowEncoder encoder = newEncoder();
            ByteArrayValueWriter chunk = new ByteArrayValueWriter(Copy.MAX_CHUNK + Copy.MAX_CHUNK / 4);
            encoder.header(chunk);
            if (header != null) {
                encoder.headerLine(header, chunk);
            }
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
            case CSV -> new CsvRowEncoder(codecs, delimiter, quote, escape, nullString);
            case BINARY -> new BinaryRowEncoder(codecs, types);
        };
    }

    private RowDecoder newDecoder() {
        byte[] nullBytes = nullString.getBytes(StandardCharsets.UTF_8);
        return switch (kind) {
            case TEXT -> new TextRowDecoder(delimiter, nullBytes, header);
            case CSV -> new CsvRowDecoder(delimiter, quote, escape, nullBytes, header);
            case BINARY -> new BinaryRowDecoder();
        };
    }

    private void requireLineFormat(String what) {
        if (kind == Kind.BINARY) {
            throw new IllegalArgumentException("binary COPY has no " + what);
        }
    }

    private void requireCsv(String what) {
        if (kind != Kind.CSV) {
            throw new IllegalArgumentException("only CSV has " + what);
        }
    }

    private static void requireOneByte(String what, char c) {
        if (c >= 0x80) {
            throw new IllegalArgumentException("COPY " + what + " must be a single one-byte character: " + c);
        }
    }

    private static String literal(char c) {
        return Literal.of(String.valueOf(c)).render();
    }
}

// COPY's text and CSV options (DELIMITER, NULL, QUOTE, ESCAPE, HEADER) written and read by CopyRows, against the server.
package org.psycopg.r2dbc.copy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.spi.R2dbcException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.PsycopgConnection;
import org.psycopg.r2dbc.TestDatabase;
import org.psycopg.r2dbc.codec.CodecRegistry;
import reactor.core.publisher.Flux;

/** Round trips through the server in text and CSV with each COPY option, and the settings COPY refuses. */
class CopyRowsOptionsTest {

    private static final CodecRegistry CODECS = CodecRegistry.defaults();

    /** Values that must come back unchanged whatever the options: NULL beside the empty string, every special character. */
    private static final List<Object[]> AWKWARD = List.of(
            new Object[] {1, "plain"},
            new Object[] {2, ""},
            new Object[] {3, null},
            new Object[] {4, "comma, semicolon; pipe| tab\t"},
            new Object[] {5, "double \"quotes\", single 'quotes'"},
            new Object[] {6, "back\\slash \\N \\\\ and \\\""},
            new Object[] {7, "line\nbreak, carriage\rreturn and\r\nboth"},
            new Object[] {8, "\\."},
            new Object[] {9, "NULL"},
            new Object[] {10, "n/a"},
            new Object[] {11, "unicode é ß 日本 😀"},
            new Object[] {12, " padded "},
            new Object[] {13, "\"" },
            new Object[] {14, "\\"});

    private final PsycopgConnection connection = TestDatabase.connect();

    @BeforeEach
    void table() {
        Flux.from(connection.createStatement("CREATE TEMP TABLE items (id int4, label text)").execute())
                .flatMap(r -> r.getRowsUpdated()).blockLast(TestDatabase.TIMEOUT);
    }

    @AfterEach
    void close() {
        connection.close().block(TestDatabase.TIMEOUT);
    }

    private static Flux<Object[]> rows(Object[]... rows) {
        return Flux.fromArray(rows);
    }

    private List<Object[]> serverRows() {
        return Flux.from(connection.createStatement("SELECT id, label FROM items ORDER BY id").execute())
                .flatMap(r -> r.map(row -> new Object[] {row.get(0, Integer.class), row.get(1, String.class)}))
                .collectList().block(TestDatabase.TIMEOUT);
    }

    private static void assertRows(List<Object[]> expected, List<Object[]> actual, String context) {
        assertEquals(expected.size(), actual.size(), context);
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), context + ", row " + (i + 1));
        }
    }

    /** Copies the awkward rows in with {@code format}, checks the table, and reads them back out with it. */
    private void roundTrip(CopyRows format) {
        String options = format.options();
        Long copied = connection.copyIn("COPY items FROM STDIN " + options, format.encode(Flux.fromIterable(AWKWARD)))
                .block(TestDatabase.TIMEOUT);
        assertEquals(AWKWARD.size(), copied, options);
        assertRows(AWKWARD, serverRows(), options);
        List<Object[]> back = format.rows(connection.copyOut("COPY (SELECT * FROM items ORDER BY id) TO STDOUT " + options),
                Integer.class, String.class).collectList().block(TestDatabase.TIMEOUT);
        assertRows(AWKWARD, back, options);
    }

    private String copyOutText(String sql) {
        StringBuilder out = new StringBuilder();
        for (ByteBuffer chunk : connection.copyOut(sql).collectList().block(TestDatabase.TIMEOUT)) {
            out.append(StandardCharsets.UTF_8.decode(chunk));
        }
        return out.toString();
    }

    @Test
    void csvWithTheDefaultsRoundTripsEveryAwkwardValue() {
        roundTrip(CopyRows.csv(CODECS));
    }

    @Test
    void csvWithDelimiterQuoteEscapeAndNullOfItsOwnRoundTripsEveryAwkwardValue() {
        roundTrip(CopyRows.csv(CODECS).withDelimiter(';').withQuote('\'').withEscape('\\').withNull("n/a"));
    }

    @Test
    void csvWithABackslashEscapeRoundTripsEveryAwkwardValue() {
        roundTrip(CopyRows.csv(CODECS).withEscape('\\').withDelimiter('|').withNull("NULL"));
    }

    @Test
    void csvWithAHeaderRoundTripsEveryAwkwardValue() {
        roundTrip(CopyRows.csv(CODECS).withHeader("id", "label"));
    }

    @Test
    void textWithDelimiterNullAndHeaderOfItsOwnRoundTripsEveryAwkwardValue() {
        // Not "n/a": text COPY TO writes a value equal to the null string as it is, and it reads back as NULL.
        roundTrip(CopyRows.text(CODECS).withDelimiter('|').withNull("NIL").withHeader("id", "label"));
    }

    @Test
    void csvQuotesWithTheEscapeCharacterAsTheServerDoes() {
        CopyRows csv = CopyRows.csv(CODECS).withEscape('\\');
        connection.copyIn("COPY items FROM STDIN " + csv.options(), csv.encode(Flux.fromIterable(AWKWARD))).block(TestDatabase.TIMEOUT);
        String server = copyOutText("COPY (SELECT * FROM items ORDER BY id) TO STDOUT " + csv.options());
        List<Object[]> ours = csv.rows(Flux.just(ByteBuffer.wrap(server.getBytes(StandardCharsets.UTF_8))), Integer.class, String.class)
                .collectList().block(TestDatabase.TIMEOUT);
        assertRows(AWKWARD, ours, "server's bytes");
        StringBuilder written = new StringBuilder();
        for (ByteBuffer chunk : csv.encode(Flux.fromIterable(AWKWARD)).collectList().block(TestDatabase.TIMEOUT)) {
            written.append(StandardCharsets.UTF_8.decode(chunk));
        }
        for (String line : List.of("5,\"double \\\"quotes\\\", single 'quotes'\"\n", "6,\"back\\\\slash \\\\N \\\\\\\\ and \\\\\\\"\"\n",
                "13,\"\\\"\"\n", "14,\\\n")) {
            assertTrue(server.contains(line), "server: " + server);
            assertTrue(written.toString().contains(line), "ours: " + written);
        }
    }

    @Test
    void theHeaderWrittenIsTheOneTheServerMatchesAgainstTheColumns() {
        CopyRows csv = CopyRows.csv(CODECS).withHeader("id", "label");
        String match = csv.options().replace("HEADER true", "HEADER MATCH");
        assertEquals(2L, connection.copyIn("COPY items FROM STDIN " + match,
                csv.encode(rows(new Object[] {1, "a"}, new Object[] {2, "b"}))).block(TestDatabase.TIMEOUT));
        CopyRows wrong = CopyRows.csv(CODECS).withHeader("id", "name");
        R2dbcException error = assertThrows(R2dbcException.class, () -> connection.copyIn("COPY items FROM STDIN " + match,
                wrong.encode(rows(new Object[] {3, "c"}))).block(TestDatabase.TIMEOUT));
        assertTrue(error.getMessage().contains("column name mismatch"), error.getMessage());
        assertEquals(2, serverRows().size());
    }

    @Test
    void readingSkipsTheServersHeaderOrChecksItsNames() {
        CopyRows csv = CopyRows.csv(CODECS).withHeader();
        connection.copyIn("COPY items FROM STDIN " + CopyRows.csv(CODECS).options(),
                CopyRows.csv(CODECS).encode(rows(new Object[] {1, "a"}))).block(TestDatabase.TIMEOUT);
        String out = "COPY items TO STDOUT " + csv.options();
        assertRows(List.<Object[]>of(new Object[] {1, "a"}),
                csv.rows(connection.copyOut(out), Integer.class, String.class).collectList().block(TestDatabase.TIMEOUT), "skipped");
        assertRows(List.<Object[]>of(new Object[] {1, "a"}), csv.withHeader("id", "label")
                .rows(connection.copyOut(out), Integer.class, String.class).collectList().block(TestDatabase.TIMEOUT), "checked");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> csv.withHeader("id", "name")
                .rows(connection.copyOut(out)).collectList().block(TestDatabase.TIMEOUT));
        assertTrue(error.getMessage().contains("header line field 2 is \"label\", not \"name\""), error.getMessage());
    }

    @Test
    void writingAHeaderNeedsTheColumnNames() {
        assertThrows(IllegalStateException.class, () -> CopyRows.csv(CODECS).withHeader().encode(Flux.empty()));
    }

    @Test
    void optionsIncludeEscapeAndHeaderOnlyWhenSet() {
        assertEquals("(FORMAT csv, DELIMITER ',', NULL '', QUOTE '\"')", CopyRows.csv(CODECS).options());
        assertEquals("(FORMAT csv, DELIMITER ',', NULL '', QUOTE '\"', ESCAPE E'\\\\', HEADER true)",
                CopyRows.csv(CODECS).withEscape('\\').withHeader("a").options());
        assertEquals("(FORMAT csv, DELIMITER ',', NULL '', QUOTE '''')", CopyRows.csv(CODECS).withQuote('\'').options());
        assertEquals("(FORMAT text, DELIMITER '|', NULL E'\\\\N', HEADER true)",
                CopyRows.text(CODECS).withDelimiter('|').withHeader().options());
    }

    @Test
    void settingsTheServerRefusesAreRefusedAlike() {
        List<Runnable> refused = new ArrayList<>(Arrays.asList(
                () -> CopyRows.text(CODECS).withDelimiter('a'),
                () -> CopyRows.text(CODECS).withDelimiter('.'),
                () -> CopyRows.csv(CODECS).withDelimiter('\n'),
                () -> CopyRows.csv(CODECS).withDelimiter('"'),
                () -> CopyRows.csv(CODECS).withDelimiter('é'),
                () -> CopyRows.csv(CODECS).withNull("a,b"),
                () -> CopyRows.csv(CODECS).withNull("\"x\""),
                () -> CopyRows.text(CODECS).withNull("line\n"),
                () -> CopyRows.text(CODECS).withQuote('\''),
                () -> CopyRows.text(CODECS).withEscape('\\'),
                () -> CopyRows.binary(CODECS).withHeader()));
        for (Runnable settings : refused) {
            assertThrows(IllegalArgumentException.class, settings::run);
        }
        // CSV takes what text refuses as delimiter.
        assertEquals("(FORMAT csv, DELIMITER 'a', NULL '', QUOTE '\"')", CopyRows.csv(CODECS).withDelimiter('a').options());
    }
}

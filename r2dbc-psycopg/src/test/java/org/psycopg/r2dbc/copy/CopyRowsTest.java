package org.psycopg.r2dbc.copy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.codec.CodecRegistry;
import reactor.core.publisher.Flux;

/** COPY's three formats written and read without a server: exact bytes, escaping, chunking. */
class CopyRowsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final CodecRegistry CODECS = CodecRegistry.defaults();

    /** Values that every format must carry unchanged: delimiters, quotes, escapes, line ends, unicode, NULL. */
    private static final List<Object[]> AWKWARD = List.of(
            new Object[] {1, "plain"},
            new Object[] {2, "tab\there"},
            new Object[] {3, "line\nbreak and\r\nwindows"},
            new Object[] {4, "back\\slash \\N \\."},
            new Object[] {5, "comma, \"quotes\" and 'single'"},
            new Object[] {6, ""},
            new Object[] {7, null},
            new Object[] {8, "\\N"},
            new Object[] {9, "\\."},
            new Object[] {10, "unicode é ß 日本 😀"},
            new Object[] {11, " padded "},
            new Object[] {null, "NULL"});

    private static Flux<Object[]> rows(Object[]... rows) {
        return Flux.fromArray(rows);
    }

    private static byte[] bytes(Flux<ByteBuffer> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuffer chunk : chunks.collectList().block(TIMEOUT)) {
            byte[] b = new byte[chunk.remaining()];
            chunk.get(b);
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    private static String text(Flux<ByteBuffer> chunks) {
        return new String(bytes(chunks), StandardCharsets.UTF_8);
    }

    /** The bytes split into chunks of {@code size}, the last one shorter. */
    private static Flux<ByteBuffer> chunked(byte[] bytes, int size) {
        List<ByteBuffer> chunks = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += size) {
            chunks.add(ByteBuffer.wrap(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + size))));
        }
        return Flux.fromIterable(chunks);
    }

    private static void assertRows(List<Object[]> expected, List<Object[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "row " + (i + 1));
        }
    }

    @Test
    void textEscapesBackslashesDelimitersAndLineEndsAndWritesNullAsBackslashN() {
        String data = text(CopyRows.text(CODECS).encode(rows(
                new Object[] {1, "a\tb", null},
                new Object[] {2, "c\\d\ne\rf", "\\N"})));
        assertEquals("1\ta\\tb\t\\N\n2\tc\\\\d\\ne\\rf\t\\\\N\n", data);
    }

    @Test
    void textEscapesAValueThatWouldReadAsTheNullString() {
        CopyRows rows = CopyRows.text(CODECS).withDelimiter('|').withNull("NULL");
        String data = text(rows.encode(rows(new Object[] {"NULL", null, "a|b"})));
        assertEquals("\\NULL|NULL|a\\|b\n", data);
        List<Object[]> back = rows.rows(Flux.just(ByteBuffer.wrap(data.getBytes(StandardCharsets.UTF_8)))).collectList().block(TIMEOUT);
        assertRows(List.<Object[]>of(new Object[] {"NULL", null, "a|b"}), back);
    }

    @Test
    void textReadsOctalHexAndControlEscapes() {
        byte[] data = "\\101\\x42\\b\\f\\v\\q\tx\\\\y\n".getBytes(StandardCharsets.UTF_8);
        List<Object[]> rows = CopyRows.text(CODECS).rows(Flux.just(ByteBuffer.wrap(data))).collectList().block(TIMEOUT);
        assertRows(List.<Object[]>of(new Object[] {"AB\b\f\u000Bq", "x\\y"}), rows);
    }

    @Test
    void csvQuotesOnlyWhereNeededAndKeepsTheEmptyStringApartFromNull() {
        String data = text(CopyRows.csv(CODECS).encode(rows(
                new Object[] {1, "plain", null, ""},
                new Object[] {2, "a,b", "say \"hi\"", "two\nlines"},
                new Object[] {3, "\\.", " x", "é"})));
        assertEquals("1,plain,,\"\"\n2,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\n3,\"\\.\",\" x\",é\n", data);
    }

    @Test
    void csvReadsQuotedPartsAnywhereInAField() {
        byte[] data = "a\"b,c\"d,\"\",,\"x\"\"y\"\r\n".getBytes(StandardCharsets.UTF_8);
        List<Object[]> rows = CopyRows.csv(CODECS).rows(Flux.just(ByteBuffer.wrap(data))).collectList().block(TIMEOUT);
        assertRows(List.<Object[]>of(new Object[] {"ab,cd", "", null, "x\"y"}), rows);
    }

    @Test
    void binaryWritesSignatureTuplesAndTrailer() {
        byte[] data = bytes(CopyRows.binary(CODECS).encode(rows(new Object[] {1, null}, new Object[] {-2, 7})));
        ByteBuffer expected = ByteBuffer.allocate(64);
        expected.put("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1)).putInt(0).putInt(0);
        expected.putShort((short) 2).putInt(4).putInt(1).putInt(-1);
        expected.putShort((short) 2).putInt(4).putInt(-2).putInt(4).putInt(7);
        expected.putShort((short) -1);
        assertArrayEquals(Arrays.copyOf(expected.array(), expected.position()), data);
    }

    @Test
    void binaryWithoutRowsIsHeaderAndTrailer() {
        byte[] data = bytes(CopyRows.binary(CODECS).encode(Flux.empty()));
        assertEquals(19 + 2, data.length);
        assertEquals(0, CopyRows.binary(CODECS).withTypes("int4").rows(Flux.just(ByteBuffer.wrap(data))).count().block(TIMEOUT));
    }

    @Test
    void everyFormatReadsBackWhatItWroteWhateverTheChunking() {
        for (CopyRows format : List.of(CopyRows.text(CODECS), CopyRows.csv(CODECS), CopyRows.binary(CODECS).withTypes("int4", "text"),
                CopyRows.csv(CODECS).withDelimiter(';').withQuote('\'').withNull("\\N"),
                CopyRows.csv(CODECS).withEscape('\\').withHeader("id", "label"), CopyRows.text(CODECS).withHeader("id", "label"))) {
            byte[] data = bytes(format.encode(Flux.fromIterable(AWKWARD)));
            for (int size : new int[] {1, 2, 3, 7, 64, data.length}) {
                List<Object[]> back = format.rows(chunked(data, size), Integer.class, String.class).collectList().block(TIMEOUT);
                assertRows(AWKWARD, back);
            }
        }
    }

    @Test
    void binaryConvertsValuesToTheColumnTypes() {
        UUID id = UUID.randomUUID();
        CopyRows binary = CopyRows.binary(CODECS).withTypes("bigint", "uuid", "numeric", "text", "date", "int4[]");
        byte[] data = bytes(binary.encode(rows(
                new Object[] {5, id.toString(), 12, 42, "2024-02-29", new Integer[] {1, null, 3}})));
        List<Object[]> back = binary.rows(Flux.just(ByteBuffer.wrap(data))).collectList().block(TIMEOUT);
        assertRows(List.<Object[]>of(new Object[] {5L, id, new BigDecimal("12"), "42", LocalDate.of(2024, 2, 29),
                new Integer[] {1, null, 3}}), back);
    }

    @Test
    void binaryRefusesAValueWithoutBinaryFormWhenTypesAreUnknown() {
        Flux<ByteBuffer> data = CopyRows.binary(CODECS).encode(rows(new Object[] {1}, new Object[] {"text"}));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> data.blockLast(TIMEOUT));
        assertTrue(error.getMessage().contains("row 2, column 1"), error.getMessage());
    }

    record Item(long id, String name, LocalDate day) {
    }

    @Test
    void recordsAreWrittenByComponentAndBuiltBackFromRows() {
        List<Item> items = List.of(new Item(1, "one", LocalDate.of(2020, 1, 1)), new Item(2, null, null));
        for (CopyRows format : List.of(CopyRows.text(CODECS), CopyRows.csv(CODECS), CopyRows.binary(CODECS).withTypes("int8", "text", "date"))) {
            byte[] data = bytes(format.encode(Flux.fromIterable(items)));
            assertEquals(items, format.records(chunked(data, 5), Item.class).collectList().block(TIMEOUT));
        }
    }

    @Test
    void truncatedDataFailsNamingTheRow() {
        byte[] data = bytes(CopyRows.binary(CODECS).encode(rows(new Object[] {1}, new Object[] {2})));
        Flux<Object[]> rows = CopyRows.binary(CODECS).withTypes("int4").rows(Flux.just(ByteBuffer.wrap(Arrays.copyOf(data, data.length - 4))));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> rows.blockLast(TIMEOUT));
        assertTrue(error.getMessage().contains("row 2"), error.getMessage());
    }

    @Test
    void wrongFieldCountFailsNamingTheRow() {
        byte[] data = "1\t2\n3\n".getBytes(StandardCharsets.UTF_8);
        Flux<Object[]> rows = CopyRows.text(CODECS).withTypes("int4", "int4").rows(Flux.just(ByteBuffer.wrap(data)));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> rows.blockLast(TIMEOUT));
        assertTrue(error.getMessage().contains("row 2") && error.getMessage().contains("1 fields for 2 columns"), error.getMessage());
    }

    @Test
    void binaryReadingNeedsTypes() {
        assertThrows(IllegalArgumentException.class, () -> CopyRows.binary(CODECS).rows(Flux.empty()));
        assertThrows(IllegalArgumentException.class, () -> CopyRows.binary(CODECS).withTypes("no_such_type"));
    }

    @Test
    void optionsRenderTheStatementClauseOfTheSettings() {
        assertEquals("(FORMAT binary)", CopyRows.binary(CODECS).options());
        assertEquals("(FORMAT text, DELIMITER '\t', NULL E'\\\\N')", CopyRows.text(CODECS).options());
        assertEquals("(FORMAT csv, DELIMITER ';', NULL '', QUOTE '''')", CopyRows.csv(CODECS).withDelimiter(';').withQuote('\'').options());
    }
}

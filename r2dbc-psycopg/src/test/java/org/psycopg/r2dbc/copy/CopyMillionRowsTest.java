package org.psycopg.r2dbc.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.PsycopgConnection;
import org.psycopg.r2dbc.TestDatabase;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.error.PostgresException;
import reactor.core.publisher.Flux;

/**
 * A million rows through COPY in each format, in a test JVM at -Xmx64m (the pom's low-memory
 * execution): counts and checksums agree on both sides, a bad row in the middle fails naming its
 * line, and a source failing half way commits nothing.
 */
@Tag("low-memory")
class CopyMillionRowsTest {

    private static final int ROWS = 1_000_000;
    private static final Duration LONG_WAIT = Duration.ofMinutes(2);
    private static final CodecRegistry CODECS = CodecRegistry.defaults();
    private static final String[] TAILS = {"", "\ttab", "\nnewline", "\r\ncrlf", "\\backslash", "\"quoted\"", "a,b",
            "'single'", " é ß 日本 😀", "\\N", "|pipe", " "};

    private final PsycopgConnection connection = TestDatabase.connect();

    @AfterEach
    void close() {
        connection.close().block(TestDatabase.TIMEOUT);
    }

    /** Row {@code i}: a NULL label every thousand rows, an empty one and the end marker {@code \.} now and then. */
    private static Object[] row(int i) {
        String label = switch (i % 1000) {
            case 7 -> null;
            case 11 -> "";
            case 13 -> "\\.";
            default -> "row " + i + TAILS[i % TAILS.length];
        };
        return new Object[] {(long) i, i % 50_000, label};
    }

    /** Count, sums and an MD5 of the labels joined by U+0001, as the server's checksum query computes them. */
    private static final class Checksum {
        long count;
        long idSum;
        long nSum;
        boolean anyLabel;
        final MessageDigest md5;

        Checksum() {
            try {
                md5 = MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void add(Object[] row) {
            count++;
            idSum += (Long) row[0];
            nSum += (Integer) row[1];
            if (row[2] != null) {
                if (anyLabel) {
                    md5.update((byte) 1);
                }
                anyLabel = true;
                md5.update(((String) row[2]).getBytes(StandardCharsets.UTF_8));
            }
        }

        String value() {
            return count + "/" + idSum + "/" + nSum + "/" + HexFormat.of().formatHex(md5.digest());
        }
    }

    private void run(String sql) {
        Flux.from(connection.createStatement(sql).execute()).flatMap(r -> r.getRowsUpdated()).blockLast(TestDatabase.TIMEOUT);
    }

    private String serverChecksum() {
        return Flux.from(connection.createStatement("SELECT count(*) || '/' || sum(id) || '/' || sum(n) || '/'"
                        + " || md5(string_agg(label, E'\\x01' ORDER BY id)) FROM items").execute())
                .flatMap(r -> r.map(row -> row.get(0, String.class))).blockLast(LONG_WAIT);
    }

    private long count() {
        return Flux.from(connection.createStatement("SELECT count(*) FROM items").execute())
                .flatMap(r -> r.map(row -> row.get(0, Long.class))).blockLast(TestDatabase.TIMEOUT);
    }

    @Test
    void aMillionRowsGoInAndComeBackOutInTextCsvAndBinary() {
        Checksum expected = new Checksum();
        for (int i = 1; i <= ROWS; i++) {
            expected.add(row(i));
        }
        String want = expected.value();
        for (CopyRows format : List.of(CopyRows.text(CODECS), CopyRows.csv(CODECS),
                CopyRows.binary(CODECS).withTypes("int8", "int4", "text"))) {
            run("DROP TABLE IF EXISTS items");
            run("CREATE TEMP TABLE items (id int8, n int4, label text)");
            long started = System.nanoTime();
            Long copied = connection.copyIn("COPY items FROM STDIN " + format.options(),
                    format.encode(Flux.range(1, ROWS).map(CopyMillionRowsTest::row))).block(LONG_WAIT);
            long in = System.nanoTime();
            assertEquals(ROWS, copied);
            assertEquals(want, serverChecksum(), format.options());

            long outStarted = System.nanoTime();
            Checksum back = new Checksum();
            format.rows(connection.copyOut("COPY (SELECT * FROM items ORDER BY id) TO STDOUT " + format.options()),
                            Long.class, Integer.class, String.class)
                    .doOnNext(back::add)
                    .blockLast(LONG_WAIT);
            long out = System.nanoTime();
            assertEquals(want, back.value(), format.options());
            System.out.printf("COPY %s of %,d rows: in %d ms, out %d ms%n", format.options(), ROWS,
                    (in - started) / 1_000_000, (out - outStarted) / 1_000_000);
        }
    }

    @Test
    void aBadValueInRowFiveHundredThousandFailsNamingTheLineAndTheTableIsUnchanged() {
        run("CREATE TEMP TABLE items (id int8, n int4, label text)");
        run("INSERT INTO items VALUES (0, 0, 'kept')");
        Flux<Object[]> rows = Flux.range(1, ROWS).map(i -> i == ROWS / 2 ? new Object[] {(long) i, "x", "bad"} : row(i));
        R2dbcDataIntegrityViolationException error = assertThrows(R2dbcDataIntegrityViolationException.class,
                () -> connection.copyIn("COPY items FROM STDIN", CopyRows.text(CODECS).encode(rows)).block(LONG_WAIT));
        assertEquals("22P02", error.getSqlState());
        String where = ((PostgresException) error).details().where();
        assertTrue(where.startsWith("COPY items, line 500000, column n"), where);
        assertEquals(1L, count());
    }

    @Test
    void aSourceFailingHalfWayCommitsNothingAndTheConnectionGoesOn() {
        run("CREATE TEMP TABLE items (id int8, n int4, label text)");
        IllegalStateException broken = new IllegalStateException("disk read failed half way");
        Flux<Object[]> rows = Flux.range(1, ROWS / 2).map(CopyMillionRowsTest::row).concatWith(Flux.error(broken));
        Throwable error = assertThrows(IllegalStateException.class,
                () -> connection.copyIn("COPY items FROM STDIN (FORMAT binary)",
                        CopyRows.binary(CODECS).withTypes("int8", "int4", "text").encode(rows)).block(LONG_WAIT));
        assertSame(broken, error);
        assertEquals(0L, count());
        run("INSERT INTO items VALUES (1, 1, 'after')");
        assertEquals(1L, count());
    }
}

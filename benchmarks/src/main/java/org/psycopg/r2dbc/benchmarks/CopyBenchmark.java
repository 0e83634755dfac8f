// COPY IN and COPY OUT of a million rows: this driver beside pgjdbc's CopyManager, r2dbc-postgresql's copyIn and psql's \copy.
package org.psycopg.r2dbc.benchmarks;

import static org.psycopg.r2dbc.benchmarks.JdbcCommands.execute;
import static org.psycopg.r2dbc.benchmarks.JdbcCommands.query;

import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.client.SSLMode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.psycopg.r2dbc.PsycopgConnection;
import org.psycopg.r2dbc.PsycopgConnectionConfiguration;
import org.psycopg.r2dbc.PsycopgConnectionFactory;
import org.psycopg.r2dbc.SslMode;
import reactor.core.publisher.Flux;

/**
 * Copies the same text-format data (int8, int4, text; about 40 bytes a row) into {@code bench_copy}
 * and back out with each client, one connection each, without TLS: this driver's {@code copyIn} and
 * {@code copyOut}, pgjdbc's {@code CopyManager} (64 KiB buffers), r2dbc-postgresql's
 * {@code copyIn} (it has no COPY OUT), and {@code psql}'s {@code \copy} from and to a file as the
 * reference (its figure includes starting psql and connecting, a few milliseconds). Each figure is the
 * best of {@value #REPEATS} runs after one warm-up run, the clients taking turns run by run; the table
 * is truncated before each COPY IN, and every COPY OUT reads the same rows, loaded once and frozen.
 * The {@code copy} part of {@link Benchmarks} ({@code java -jar benchmarks/target/benchmarks.jar copy});
 * on its own it prints Markdown too:
 * {@code java -cp benchmarks/target/benchmarks.jar org.psycopg.r2dbc.benchmarks.CopyBenchmark [--quick]}.
 */
public final class CopyBenchmark {

    private static final int REPEATS = 5;
    private static final int CHUNK = 64 * 1024;
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final String IN = "COPY bench_copy FROM STDIN";
    private static final String OUT = "COPY bench_copy TO STDOUT";
    private static final String PSQL = "psql \\copy";

    private CopyBenchmark() {
    }

    /** A way to run one COPY and return the rows it moved. */
    private interface Run {
        long run() throws Exception;
    }

    /**
     * Runs the benchmark on its own: the {@code copy} part of {@link Benchmarks}, with the machine's description.
     *
     * @param args {@code --quick} for 100,000 rows instead of 1,000,000
     */
    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        String table = run(quick, ServerTarget.shared(), System.err);
        System.out.println("# COPY benchmark" + (quick ? " (--quick: sizes too small to mean much)" : ""));
        System.out.println();
        System.out.print(Machine.describe());
        System.out.print(table);
        System.exit(0);
    }

    /**
     * Runs every client's COPY IN and COPY OUT against {@code target}, progress to {@code log}, and
     * returns the server's version line, the table in Markdown and a note on how it was measured.
     *
     * @param quick 100,000 rows instead of 1,000,000
     */
    static String run(boolean quick, ServerTarget target, PrintStream log) throws Exception {
        int rows = quick ? 100_000 : 1_000_000;
        byte[] data = data(rows);
        Path file = Files.createTempFile("bench-copy", ".txt");
        Files.write(file, data);
        List<ByteBuffer> chunks = new ArrayList<>();
        for (int at = 0; at < data.length; at += CHUNK) {
            chunks.add(ByteBuffer.wrap(data, at, Math.min(CHUNK, data.length - at)).slice());
        }
        ResultTable table = new ResultTable(Benchmarks.OURS, List.of("pgjdbc CopyManager", "r2dbc-postgresql", PSQL));
        String inScenario = String.format("COPY IN, %,d rows (%,d bytes, text)", rows, data.length);
        String outScenario = String.format("COPY OUT, %,d rows (text)", rows);
        try (Connection admin = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password())) {
            execute(admin, "DROP TABLE IF EXISTS bench_copy");
            execute(admin, "CREATE TABLE bench_copy (id int8, n int4, label text)");
            String serverVersion = query(admin, "SHOW server_version");

            PsycopgConnection ours = new PsycopgConnectionFactory(PsycopgConnectionConfiguration.builder()
                    .host(target.host(), target.port()).user(target.user()).password(target.password())
                    .database(target.database()).sslMode(SslMode.DISABLE).build()).create().block(TIMEOUT);
            Connection jdbc = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
            CopyManager copy = jdbc.unwrap(PGConnection.class).getCopyAPI();
            PostgresqlConnection theirs = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
                    .host(target.host()).port(target.port()).username(target.user()).password(target.password())
                    .database(target.database()).sslMode(SSLMode.DISABLE).build()).create().block(TIMEOUT);
            List<Job> in = List.of(
                    new Job(inScenario, Benchmarks.OURS, true, () -> ours.copyIn(IN, Flux.fromIterable(chunks)).block(TIMEOUT)),
                    new Job(inScenario, "pgjdbc CopyManager", true, () -> copy.copyIn(IN, new ByteArrayInputStream(data), CHUNK)),
                    new Job(inScenario, "r2dbc-postgresql", true, () -> theirs.copyIn(IN,
                            Flux.fromIterable(chunks).map(b -> Unpooled.wrappedBuffer(b.duplicate()))).block(TIMEOUT)),
                    new Job(inScenario, PSQL, true, () -> psql(target, "\\copy bench_copy FROM '" + file + "'", rows)));
            List<Job> out = List.of(
                    new Job(outScenario, Benchmarks.OURS, false, () -> {
                        AtomicLong newlines = new AtomicLong();
                        ours.copyOut(OUT).doOnNext(b -> newlines.addAndGet(newlines(b))).blockLast(TIMEOUT);
                        return newlines.get();
                    }),
                    new Job(outScenario, "pgjdbc CopyManager", false, () -> {
                        NewlineCounter counter = new NewlineCounter();
                        copy.copyOut(OUT, counter);
                        return counter.newlines;
                    }),
                    new Job(outScenario, PSQL, false, () -> psql(target, "\\copy bench_copy TO '/dev/null'", rows)));
            measure(in, table, rows, admin, log);
            // Every COPY OUT reads the same settled rows: loaded once, frozen so that no reader sets hint bits.
            execute(admin, "TRUNCATE bench_copy");
            admin.unwrap(PGConnection.class).getCopyAPI().copyIn(IN, new ByteArrayInputStream(data), CHUNK);
            execute(admin, "VACUUM (FREEZE, ANALYZE) bench_copy");
            measure(out, table, rows, admin, log);
            ours.close().block(TIMEOUT);
            theirs.close().block(TIMEOUT);
            jdbc.close();
            return "- server: PostgreSQL " + serverVersion + " at " + target.host() + ":" + target.port()
                    + ", sslmode=disable for every client\n\n" + table.render()
                    + "\nBest of " + REPEATS + " runs after a warm-up, the clients taking turns; r2dbc-postgresql has no COPY OUT;"
                    + " psql's figures include starting psql and connecting.\n";
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** One client's COPY in one scenario; {@code truncate} empties the table before each run. */
    private record Job(String scenario, String client, boolean truncate, Run run) {
    }

    /**
     * Runs every job once to warm up, then {@value #REPEATS} rounds of every job in turn (so that a
     * busy moment of the machine falls on all clients alike), and records each job's best rate in rows/s.
     */
    private static void measure(List<Job> jobs, ResultTable table, int rows, Connection admin, PrintStream log) {
        long[] best = new long[jobs.size()];
        String[] failures = new String[jobs.size()];
        java.util.Arrays.fill(best, Long.MAX_VALUE);
        for (int round = 0; round <= REPEATS; round++) {
            log.println(Machine.progress() + jobs.get(0).scenario() + ": " + (round == 0 ? "warm-up" : "round " + round + " of " + REPEATS));
            for (int j = 0; j < jobs.size(); j++) {
                Job job = jobs.get(j);
                if (failures[j] != null) {
                    continue;
                }
                try {
                    if (job.truncate()) {
                        execute(admin, "TRUNCATE bench_copy");
                    }
                    long started = System.nanoTime();
                    long moved = job.run().run();
                    long elapsed = System.nanoTime() - started;
                    if (moved != rows) {
                        throw new IllegalStateException("moved " + moved + " rows, not " + rows);
                    }
                    if (round > 0) {
                        best[j] = Math.min(best[j], elapsed);
                    }
                } catch (Exception e) {
                    failures[j] = e.toString();
                }
            }
        }
        for (int j = 0; j < jobs.size(); j++) {
            Job job = jobs.get(j);
            table.put(job.scenario(), "rows/s", job.client(), failures[j] != null
                    ? ResultTable.Cell.failed(failures[j]) : ResultTable.Cell.of(rows / (best[j] / 1e9)));
        }
    }

    /** The text-format COPY data of rows 1 to {@code rows}. */
    private static byte[] data(int rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows * 48);
        for (int i = 1; i <= rows; i++) {
            out.writeBytes((i + "\t" + (i % 50_000) + "\tcopied row number " + i + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** Runs one psql command against the target and returns {@code rows} when psql says it copied that many. */
    private static long psql(ServerTarget target, String command, int rows) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", command)
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("PGHOST", target.host());
        env.put("PGPORT", String.valueOf(target.port()));
        env.put("PGUSER", target.user());
        env.put("PGPASSWORD", target.password());
        env.put("PGDATABASE", target.database());
        env.put("PGSSLMODE", "disable");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException("psql failed: " + output);
        }
        return rows;
    }

    /** Counts the rows in a buffer the way {@link NewlineCounter} does in pgjdbc's arrays. */
    private static long newlines(ByteBuffer buffer) {
        return NewlineCounter.count(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
    }

    /** Counts the rows pgjdbc writes, as the other clients do, without keeping the bytes. */
    private static final class NewlineCounter extends OutputStream {
        long newlines;

        static long count(byte[] bytes, int offset, int length) {
            long count = 0;
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    count++;
                }
            }
            return count;
        }

        @Override
        public void write(int b) {
            if (b == '\n') {
                newlines++;
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            newlines += count(bytes, offset, length);
        }
    }
}

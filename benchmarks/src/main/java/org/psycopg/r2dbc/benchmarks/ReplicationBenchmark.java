// Logical replication: decoded changes/s of 200,000 inserted rows through ChangeStream, beside pgjdbc's replication stream and pg_recvlogical.
package org.psycopg.r2dbc.benchmarks;

import static org.psycopg.r2dbc.benchmarks.JdbcCommands.execute;
import static org.psycopg.r2dbc.benchmarks.JdbcCommands.query;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.PGReplicationStream;
import org.psycopg.r2dbc.PsycopgConnectionConfiguration;
import org.psycopg.r2dbc.SslMode;
import org.psycopg.r2dbc.replication.ChangeStream;

/**
 * Each client reads the same 200,000 inserts (int4, int8, text; 200 transactions of 1,000 rows)
 * from a pgoutput slot of its own, one client at a time: this project's {@link ChangeStream} (every
 * value decoded into Java objects, every event acknowledged), pgjdbc's {@code PGReplicationStream}
 * (protocol 1, each Insert message's values read as Strings) and {@code pg_recvlogical} writing
 * pgoutput's bytes to {@code /dev/null} up to {@code --endpos} as the reference (its figure includes
 * starting the process). Every figure runs from connecting to the last change, after the rows were
 * committed, so it measures the walsender's decoding and the client together; best of
 * {@value #REPEATS} rounds after {@value #WARMUPS} warm-up rounds. A second row gives the CPU time
 * the client itself spent per change (the JVM's whole process for the Java clients, the child
 * process for pg_recvlogical, from {@code /proc/self/stat}), the least of the measured rounds: the
 * server's share of the same cores is not in it. Without TLS. Run it with
 * {@code java -jar benchmarks/target/benchmarks.jar replication}, or alone with
 * {@code java -cp benchmarks/target/benchmarks.jar org.psycopg.r2dbc.benchmarks.ReplicationBenchmark [--quick]}.
 */
final class ReplicationBenchmark {

    static final String PGJDBC = "pgjdbc PGReplicationStream";
    static final String RECVLOGICAL = "pg_recvlogical";
    private static final int REPEATS = 3;
    private static final int WARMUPS = 3;
    private static final int TRANSACTION_ROWS = 1_000;
    private static final String PUBLICATION = "bench_repl_pub";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final ServerTarget target;
    private final int rows;
    private final Optional<Path> recvlogical;

    private ReplicationBenchmark(ServerTarget target, int rows) {
        this.target = target;
        this.rows = rows;
        this.recvlogical = Programs.onPath("pg_recvlogical");
    }

    /** One client reading {@code rows} changes from {@code slot}, up to WAL position {@code end}; returns the changes it counted. */
    private interface Client {
        long read(String slot, String end) throws Exception;
    }

    private record Contender(String name, String slot, Client client) {
    }

    /**
     * Runs the benchmark.
     *
     * @param quick 20,000 rows and one round instead of 200,000 and three
     * @return the Markdown table and a note on how each client read
     */
    static String run(boolean quick, ServerTarget target, PrintStream log) throws Exception {
        ReplicationBenchmark benchmark = new ReplicationBenchmark(target, quick ? 20_000 : 200_000);
        return benchmark.measure(quick ? 0 : WARMUPS, quick ? 1 : REPEATS, log);
    }

    /**
     * Runs the benchmark alone.
     *
     * @param args {@code --quick} for a short run
     */
    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        System.out.println("# Logical replication benchmark" + (quick ? " (--quick: sizes too small to mean much)" : ""));
        System.out.println();
        System.out.print(Machine.describe());
        System.out.println();
        System.out.print(run(quick, ServerTarget.shared(), System.err));
        System.exit(0);
    }

    private String measure(int warmups, int repeats, PrintStream log) throws Exception {
        String scenario = String.format("logical replication, %,d inserted rows (pgoutput, int4, int8, text)", rows);
        List<Contender> contenders = List.of(
                new Contender(Benchmarks.OURS, "bench_repl_ours", this::readChangeStream),
                new Contender(PGJDBC, "bench_repl_pgjdbc", this::readPgjdbc),
                new Contender(RECVLOGICAL, "bench_repl_recvlogical", this::readRecvlogical));
        ResultTable table = new ResultTable(Benchmarks.OURS, List.of(PGJDBC, RECVLOGICAL));
        long[] best = new long[contenders.size()];
        long[] leastCpu = new long[contenders.size()];
        String[] failures = new String[contenders.size()];
        Arrays.fill(best, Long.MAX_VALUE);
        Arrays.fill(leastCpu, Long.MAX_VALUE);
        String serverVersion;
        try (Connection admin = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password())) {
            serverVersion = query(admin, "SHOW server_version");
            execute(admin, "DROP PUBLICATION IF EXISTS " + PUBLICATION);
            execute(admin, "DROP TABLE IF EXISTS bench_repl");
            execute(admin, "CREATE TABLE bench_repl (id int4 PRIMARY KEY, n int8, label text)");
            execute(admin, "CREATE PUBLICATION " + PUBLICATION + " FOR TABLE bench_repl");
            for (int round = 1 - warmups; round <= repeats; round++) {
                log.println(Machine.progress() + (round < 1 ? "replication: warming up" : "replication: round " + round + " of " + repeats));
                execute(admin, "TRUNCATE bench_repl");
                for (Contender contender : contenders) {
                    dropSlot(admin, contender.slot());
                    execute(admin, "SELECT pg_create_logical_replication_slot('" + contender.slot() + "', 'pgoutput')");
                }
                execute(admin, "DO $$ BEGIN FOR t IN 0.." + (rows / TRANSACTION_ROWS - 1) + " LOOP"
                        + " INSERT INTO bench_repl SELECT g, g * 2, 'inserted row ' || g FROM generate_series(t * "
                        + TRANSACTION_ROWS + " + 1, t * " + TRANSACTION_ROWS + " + " + TRANSACTION_ROWS + ") g; COMMIT;"
                        + " END LOOP; END $$");
                String end = query(admin, "SELECT pg_current_wal_lsn()::text");
                for (int c = 0; c < contenders.size(); c++) {
                    Contender contender = contenders.get(c);
                    if (failures[c] != null) {
                        continue;
                    }
                    try {
                        boolean child = contender.name().equals(RECVLOGICAL);
                        long cpuBefore = child ? childrenCpuNanos() : processCpuNanos();
                        long started = System.nanoTime();
                        long changes = contender.client().read(contender.slot(), end);
                        long elapsed = System.nanoTime() - started;
                        long cpu = (child ? childrenCpuNanos() : processCpuNanos()) - cpuBefore;
                        if (changes != rows) {
                            throw new IllegalStateException("read " + changes + " changes, not " + rows);
                        }
                        if (round > 0) {
                            best[c] = Math.min(best[c], elapsed);
                            leastCpu[c] = Math.min(leastCpu[c], cpu);
                        }
                        log.println(Machine.progress() + String.format("%s: %,.0f changes/s, client CPU %.2f µs/change",
                                contender.name(), rows / (elapsed / 1e9), cpu / 1e3 / rows));
                    } catch (Exception e) {
                        failures[c] = e.toString();
                    }
                }
            }
            for (Contender contender : contenders) {
                dropSlot(admin, contender.slot());
            }
            execute(admin, "DROP PUBLICATION " + PUBLICATION);
            execute(admin, "DROP TABLE bench_repl");
        }
        for (int c = 0; c < contenders.size(); c++) {
            table.put(scenario, "changes/s", contenders.get(c).name(), failures[c] != null
                    ? ResultTable.Cell.failed(failures[c]) : ResultTable.Cell.of(rows / (best[c] / 1e9)));
        }
        for (int c = 0; c < contenders.size(); c++) {
            table.put("logical replication: client CPU per change", "µs", contenders.get(c).name(), failures[c] != null
                    ? ResultTable.Cell.failed(failures[c]) : ResultTable.Cell.of(leastCpu[c] / 1e3 / rows));
        }
        return table.render() + "\nPostgreSQL " + serverVersion + ", best of " + repeats + " rounds after " + warmups
                + " warm-up rounds, each from"
                + " connecting to the last change. r2dbc-psycopg: ChangeStream, values decoded to Integer, Long, String and"
                + " every event acknowledged; pgjdbc: PGReplicationStream.read(), Insert values read as Strings;"
                + " pg_recvlogical: pgoutput's bytes to /dev/null up to --endpos, process start included.\n";
    }

    private long readChangeStream(String slot, String end) {
        PsycopgConnectionConfiguration.Builder configuration = PsycopgConnectionConfiguration.builder()
                .host(target.host(), target.port()).user(target.user()).password(target.password())
                .database(target.database()).sslMode(SslMode.DISABLE);
        ChangeStream cdc = ChangeStream.builder(configuration).slot(slot).publication(PUBLICATION).createSlot(false).build();
        return cdc.changes().doOnNext(cdc::acknowledge).take(rows).count().block(TIMEOUT);
    }

    private long readPgjdbc(String slot, String end) throws SQLException {
        Properties properties = new Properties();
        PGProperty.USER.set(properties, target.user());
        PGProperty.PASSWORD.set(properties, target.password());
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(properties, "10");
        PGProperty.REPLICATION.set(properties, "database");
        PGProperty.PREFER_QUERY_MODE.set(properties, "simple");
        try (Connection connection = DriverManager.getConnection(target.jdbcUrl(), properties)) {
            PGReplicationStream stream = connection.unwrap(PGConnection.class).getReplicationAPI()
                    .replicationStream().logical().withSlotName(slot)
                    .withSlotOption("proto_version", 1).withSlotOption("publication_names", PUBLICATION)
                    .withStatusInterval(10, TimeUnit.SECONDS).start();
            long inserts = 0;
            long characters = 0;
            while (inserts < rows) {
                ByteBuffer message = stream.read();
                if (message.get(message.position()) == 'I') {
                    inserts++;
                    characters += insertValues(message);
                }
            }
            stream.close();
            if (characters == 0) {
                throw new IllegalStateException("no values read");
            }
            return inserts;
        }
    }

    /** Reads an Insert's new tuple ('I', relation, 'N', columns) as Strings; returns their total length. */
    private static long insertValues(ByteBuffer message) {
        ByteBuffer in = message.duplicate();
        in.position(in.position() + 1 + 4 + 1);
        int columns = in.getShort();
        long characters = 0;
        for (int i = 0; i < columns; i++) {
            if (in.get() == 't') {
                byte[] value = new byte[in.getInt()];
                in.get(value);
                characters += new String(value, StandardCharsets.UTF_8).length();
            }
        }
        return characters;
    }

    private long readRecvlogical(String slot, String end) throws IOException, InterruptedException {
        Path executable = recvlogical.orElseThrow(() -> new IllegalStateException("pg_recvlogical is not on the PATH"));
        ProcessBuilder builder = new ProcessBuilder(executable.toString(),
                "-d", "host=" + target.host() + " port=" + target.port() + " dbname=" + target.database()
                        + " user=" + target.user() + " sslmode=disable",
                "-S", slot, "--start", "--no-loop", "-f", "/dev/null", "-E", end,
                "-o", "proto_version=1", "-o", "publication_names=" + PUBLICATION).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", target.password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("pg_recvlogical failed: " + output.trim());
        }
        // It stops at --endpos, past the last commit: every change before it was read.
        return rows;
    }

    /** CPU time of this JVM, all threads. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time of this process's children that have ended and been waited for (cutime + cstime), in nanoseconds. */
    private static long childrenCpuNanos() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // After the command's ")": state is field 3, cutime field 16 and cstime field 17, in clock ticks (100 a second).
        return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10_000_000L;
    }

    private static void dropSlot(Connection admin, String slot) throws SQLException {
        execute(admin, "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '" + slot + "'");
    }
}

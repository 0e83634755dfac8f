// The benchmark program: side-by-side figures against other clients, pgbench's ceiling, then the codec benchmark.
package org.psycopg.r2dbc.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.psycopg.r2dbc.benchmarks.Settings.Part;
import org.psycopg.r2dbc.benchmarks.codec.CodecFigures;

/**
 * Runs every part (or the parts named on the command line, see {@link Settings#USAGE}) against the
 * embedded PostgreSQL server, or the one {@code PSYCOPG_TEST_URL} names, and prints Markdown: the
 * machine, the table of figures with each client's ratio to this project's driver, then the codec
 * table. Progress goes to standard error. Run it with
 * {@code java -jar benchmarks/target/benchmarks.jar} after {@code mvn -pl benchmarks -am package}.
 */
public final class Benchmarks {

    /** The reference column, this project's driver. */
    static final String OURS = "r2dbc-psycopg";
    /** The column of pgbench's figures. */
    static final String PGBENCH = "pgbench (libpq)";

    private Benchmarks() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args part names and {@code --quick}, see {@link Settings#USAGE}
     */
    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        PrintStream log = System.err;
        out.println("# r2dbc-psycopg benchmarks" + (settings.quick() ? " (--quick: sizes too small to mean much)" : ""));
        out.println();
        out.print(Machine.describe());
        Set<Part> parts = settings.parts();
        if (parts.contains(Part.SELECT) || parts.contains(Part.STREAM) || parts.contains(Part.INSERT)
                || parts.contains(Part.PGBENCH)) {
            log.println("Starting the server and creating the tables...");
            ServerTarget target = ServerTarget.shared();
            ResultTable table = new ResultTable(OURS, List.of("pgjdbc", "pgjdbc reWriteBatchedInserts",
                    "r2dbc-postgresql", "vertx-pg-client", PGBENCH));
            List<String> notes = new ArrayList<>();
            try (BenchmarkTables tables = BenchmarkTables.connect(target)) {
                out.println("- server: PostgreSQL " + tables.serverVersion() + " at " + target.host() + ":" + target.port()
                        + ", sslmode=disable for every client");
                tables.create(settings.streamRows());
                runClients(settings, tables, table, target, log);
                if (parts.contains(Part.PGBENCH)) {
                    runPgbench(settings, target, table, notes, log);
                }
            }
            out.println();
            out.println(table.render());
            notes.forEach(note -> out.println(note));
        }
        if (parts.contains(Part.NOTIFY)) {
            log.println("Notifications...");
            out.println();
            out.println("LISTEN/NOTIFY, one publishing and one listening connection per client:");
            out.println();
            out.println(runNotifications(settings, log));
        }
        if (parts.contains(Part.COPY)) {
            log.println("COPY...");
            out.println();
            out.println("COPY IN and COPY OUT of the same text rows, one connection per client:");
            out.println();
            out.print(CopyBenchmark.run(settings.quick(), ServerTarget.shared(), log));
        }
        if (parts.contains(Part.REPLICATION)) {
            log.println("Logical replication...");
            out.println();
            out.println("Logical replication, each client reading the same inserts from a pgoutput slot of its own, in turn:");
            out.println();
            out.print(ReplicationBenchmark.run(settings.quick(), ServerTarget.shared(), log));
        }
        if (parts.contains(Part.CODECS)) {
            log.println("Running the codec benchmark (JMH, gc profiler)...");
            out.println();
            out.println("Codecs, binary format, one value per operation (JMH, average time, gc profiler):");
            out.println();
            out.println(CodecFigures.run(settings.quick()));
        }
        out.printf(Locale.ROOT, "%n1-minute load average at the end of the run: %.2f%n", Machine.load());
        out.flush();
        System.exit(0);
    }

    private static void runClients(Settings settings, BenchmarkTables tables, ResultTable table, ServerTarget target,
                                   PrintStream log) throws Exception {
        Set<Part> parts = settings.parts();
        if (!parts.contains(Part.SELECT) && !parts.contains(Part.STREAM) && !parts.contains(Part.INSERT)) {
            return;
        }
        R2dbcContender ours = R2dbcContender.psycopg(target);
        JdbcContender pgjdbc = JdbcContender.plain(target);
        JdbcContender rewriting = JdbcContender.rewritingBatches(target);
        R2dbcContender r2dbcPostgresql = R2dbcContender.r2dbcPostgresql(target);
        try (VertxContender vertx = new VertxContender(target)) {
            List<Contender> readers = List.of(ours, pgjdbc, r2dbcPostgresql, vertx);
            SideBySide run = new SideBySide(settings, tables, table, log);
            if (parts.contains(Part.SELECT)) {
                log.println("Point selects...");
                run.pointSelects(readers, 1, 1);
                run.pointSelects(readers, 1, 64);
                run.pointSelects(readers, 4, 64);
            }
            if (parts.contains(Part.STREAM)) {
                log.println("Streams...");
                run.stream(readers);
            }
            if (parts.contains(Part.INSERT)) {
                log.println("Inserts...");
                run.inserts("a statement per row", List.of(ours, pgjdbc, r2dbcPostgresql, vertx));
                run.inserts("rewritten as multi-row INSERTs", List.of(R2dbcContender.psycopg(target, true), rewriting));
            }
        }
    }

    private static String runNotifications(Settings settings, PrintStream log) throws Exception {
        ServerTarget target = ServerTarget.shared();
        try (VertxContender vertx = new VertxContender(target)) {
            List<NotifyClient> clients = List.of(
                    new PsycopgNotifyClient(R2dbcContender.psycopg(target).factory()),
                    new JdbcNotifyClient(target),
                    new R2dbcPostgresqlNotifyClient(R2dbcContender.r2dbcPostgresql(target).factory()),
                    new VertxNotifyClient(vertx.vertx(), vertx.options()));
            return NotificationScenarios.run(settings, target, clients, log);
        }
    }

    private static void runPgbench(Settings settings, ServerTarget target, ResultTable table, List<String> notes,
                                   PrintStream log) throws Exception {
        Optional<Pgbench> found = Pgbench.find(target);
        if (found.isEmpty()) {
            notes.add("pgbench is not on this machine's PATH: its column is empty.");
            log.println("pgbench not found: skipped");
            return;
        }
        Pgbench pgbench = found.get();
        log.println("pgbench...");
        Duration duration = settings.quick() ? Duration.ofSeconds(1) : settings.measure();
        int[][] loads = {{1, 1}, {1, 64}, {4, 1}};
        for (int[] load : loads) {
            int connections = load[0];
            int perConnection = load[1];
            String scenario = SideBySide.pointSelectScenario(connections, connections == 1 ? perConnection : 64);
            ResultTable.Cell cell;
            try {
                double rate = pgbench.pointSelects(connections, perConnection, duration);
                cell = connections > 1 ? ResultTable.Cell.of(rate, "(4 connections, 1 in flight each)") : ResultTable.Cell.of(rate);
            } catch (Exception e) {
                cell = ResultTable.Cell.failed(e.getMessage());
            }
            table.put(scenario, "selects/s", PGBENCH, cell);
        }
        ResultTable.Cell selectOnly;
        try {
            selectOnly = ResultTable.Cell.of(pgbench.selectOnly(4, duration));
        } catch (Exception e) {
            selectOnly = ResultTable.Cell.failed(e.getMessage());
        }
        table.put("pgbench -S -M prepared, 4 connections (its own tables, scale 1)", "selects/s", PGBENCH, selectOnly);
        notes.add("pgbench: " + pgbench.version() + ", -M prepared, the same point select (pipeline mode for 64 in"
                + " flight on one connection), then its built-in -S; the server's ceiling with a C client.");
    }
}

// Runs the point-select, stream and insert scenarios for every client in turn and records the figures.
package org.psycopg.r2dbc.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The scenarios, each run for every client one after the other on the same server, so that the
 * figures of a row are comparable. Each load is warmed up before it is measured; streams and inserts
 * are measured {@link Settings#repeats()} times (once when a run takes over 8 seconds) and the best
 * run counts. A client that fails a scenario gets a failed cell and the run goes on.
 */
final class SideBySide {

    private static final double NANOS = 1e9;
    /** A measured run longer than this is not repeated: the run's time budget matters more than a second sample. */
    private static final long REPEAT_LIMIT_NANOS = 8_000_000_000L;

    private final Settings settings;
    private final BenchmarkTables tables;
    private final ResultTable table;
    private final PrintStream log;
    private final Set<String> warmed = new HashSet<>();

    SideBySide(Settings settings, BenchmarkTables tables, ResultTable table, PrintStream log) {
        this.settings = settings;
        this.tables = tables;
        this.table = table;
        this.log = log;
    }

    /** The scenario name of a point-select load. */
    static String pointSelectScenario(int connections, int inFlight) {
        return "point select, " + inFlight + " in flight, " + (connections == 1 ? "1 connection" : "pool of " + connections);
    }

    /**
     * Point selects by primary key: the load is warmed up (longer for a client's first load), then
     * measured in selects per second.
     */
    void pointSelects(List<Contender> contenders, int connections, int inFlight) {
        String scenario = pointSelectScenario(connections, inFlight);
        for (Contender contender : contenders) {
            ResultTable.Cell cell;
            try (PointSelectLoad load = contender.pointSelects(connections, inFlight)) {
                Duration warmup = warmed.add(contender.name()) ? settings.firstWarmup() : settings.warmup();
                load.runUntil(System.nanoTime() + warmup.toNanos(), new RowSink());
                RowSink sink = new RowSink();
                long start = System.nanoTime();
                load.runUntil(start + settings.measure().toNanos(), sink);
                double rate = sink.rows() * NANOS / (System.nanoTime() - start);
                boolean serial = connections == 1 && inFlight > 1 && !contender.pipelines();
                cell = serial ? ResultTable.Cell.of(rate, "(1 in flight: no pipelining)") : ResultTable.Cell.of(rate);
            } catch (Exception e) {
                cell = ResultTable.Cell.failed(e.toString());
            }
            record(scenario, "selects/s", contender, cell);
        }
    }

    /**
     * Streams {@link Settings#streamRows()} rows of five columns, decoding each: the best rate, the
     * bytes allocated per row in that run, and the peak live heap in a separate sampled run.
     */
    void stream(List<Contender> contenders) {
        String scenario = String.format(Locale.ROOT, "stream %,d rows (int4, int8, text, timestamptz, numeric)",
                settings.streamRows());
        String sql = BenchmarkTables.streamSelect(settings.streamRows());
        for (Contender contender : contenders) {
            try {
                checked(contender, BenchmarkTables.streamSelect(settings.streamWarmupRows()), settings.streamWarmupRows());
                double best = 0;
                double allocatedPerRow = 0;
                for (int i = 0; i < settings.repeats(); i++) {
                    AllocationCounter allocations = AllocationCounter.start();
                    long start = System.nanoTime();
                    checked(contender, sql, settings.streamRows());
                    long elapsed = System.nanoTime() - start;
                    double rate = settings.streamRows() * NANOS / elapsed;
                    if (rate > best) {
                        best = rate;
                        allocatedPerRow = (double) allocations.allocated() / settings.streamRows();
                    }
                    if (elapsed > REPEAT_LIMIT_NANOS) {
                        break;
                    }
                }
                long peak;
                try (LiveHeapSampler sampler = LiveHeapSampler.start(50)) {
                    checked(contender, sql, settings.streamRows());
                    peak = sampler.peakAboveBaseline();
                }
                record(scenario, "rows/s", contender, ResultTable.Cell.of(best));
                record("stream: peak live heap above baseline", "MiB", contender,
                        ResultTable.Cell.of(peak / (1024.0 * 1024.0)));
                record("stream: heap allocated per row", "bytes", contender, ResultTable.Cell.of(allocatedPerRow));
            } catch (Exception e) {
                record(scenario, "rows/s", contender, ResultTable.Cell.failed(e.toString()));
            }
        }
    }

    private static void checked(Contender contender, String sql, long rows) throws Exception {
        RowSink sink = new RowSink();
        contender.stream(sql, sink);
        if (sink.rows() != rows) {
            throw new IllegalStateException(contender.name() + " streamed " + sink.rows() + " rows, not " + rows);
        }
    }

    /**
     * Inserts {@link Settings#insertRows()} rows in batches: the best rate in rows per second;
     * {@code how} says how the clients send a batch.
     */
    void inserts(String how, List<Contender> contenders) {
        String scenario = String.format(Locale.ROOT, "insert %,d rows, batches of %,d (a transaction each), %s",
                settings.insertRows(), settings.batchSize(), how);
        for (Contender contender : contenders) {
            ResultTable.Cell cell;
            try {
                timedInsert(contender, settings.insertWarmupRows());
                double best = 0;
                for (int i = 0; i < settings.repeats(); i++) {
                    long elapsed = timedInsert(contender, settings.insertRows());
                    best = Math.max(best, settings.insertRows() * NANOS / elapsed);
                    if (elapsed > REPEAT_LIMIT_NANOS) {
                        break;
                    }
                }
                cell = ResultTable.Cell.of(best);
            } catch (Exception e) {
                cell = ResultTable.Cell.failed(e.toString());
            }
            record(scenario, "rows/s", contender, cell);
        }
    }

    /** Runs one insert into the emptied table, checks that every row is there, and answers its nanoseconds. */
    private long timedInsert(Contender contender, int rows) throws Exception {
        tables.truncateInserts();
        long start = System.nanoTime();
        contender.insert(rows, settings.batchSize());
        long elapsed = System.nanoTime() - start;
        long found = tables.insertedRows();
        if (found != rows) {
            throw new IllegalStateException(contender.name() + " inserted " + found + " rows, not " + rows);
        }
        return elapsed;
    }

    private void record(String scenario, String unit, Contender contender, ResultTable.Cell cell) {
        table.put(scenario, unit, contender.name(), cell);
        log.println(Machine.progress() + scenario + " | " + contender.name() + ": "
                + (cell.failure() != null ? "FAILED " + cell.failure() : ResultTable.number(cell.value()) + " " + unit));
    }
}

// What a run measures and for how long, from the command line.
package org.psycopg.r2dbc.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The parts to run and the sizes of each. Arguments name parts ({@code select stream insert pgbench
 * codecs notify copy replication}; none means all) and may add {@code --quick}, a short run with small sizes for checking
 * that everything works, whose figures mean little.
 *
 * @param parts        the parts to run
 * @param firstWarmup  how long a client's first point-select load runs before it is measured: long
 *                     enough for the JIT to compile the client's whole path, which takes seconds on 2 cores
 * @param warmup       how long each later point-select load runs before it is measured
 * @param measure      how long each point-select load is measured
 * @param streamRows   rows per measured stream
 * @param insertRows   rows per measured insert run
 * @param batchSize    rows per insert batch
 * @param repeats      measured runs of each stream and insert, the best one reported
 * @param quick        whether this is the short checking run
 */
record Settings(Set<Part> parts, Duration firstWarmup, Duration warmup, Duration measure, long streamRows, int insertRows, int batchSize,
                int repeats, boolean quick) {

    /** A part of the run. */
    enum Part {
        SELECT, STREAM, INSERT, PGBENCH, CODECS, NOTIFY, COPY, REPLICATION
    }

    /** The usage line printed for a bad argument. */
    static final String USAGE = "arguments: [select] [stream] [insert] [pgbench] [codecs] [notify] [copy] [replication] [--quick]"
            + " (no part named: all of them)";

    /**
     * Reads the arguments.
     *
     * @throws IllegalArgumentException naming an argument that is neither a part nor {@code --quick}
     */
    static Settings parse(String... args) {
        Set<Part> parts = EnumSet.noneOf(Part.class);
        boolean quick = false;
        List<String> unknown = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
                continue;
            }
            try {
                parts.add(Part.valueOf(arg.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                unknown.add(arg);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown argument(s) " + unknown + "; " + USAGE);
        }
        if (parts.isEmpty()) {
            parts = EnumSet.allOf(Part.class);
        }
        return quick
                ? new Settings(parts, Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(1), 100_000, 10_000, 1_000, 1, true)
                : new Settings(parts, Duration.ofSeconds(8), Duration.ofSeconds(3), Duration.ofSeconds(5), 1_000_000, 100_000, 1_000, 2, false);
    }

    /** Rows of the stream run that warms a client up before it is measured. */
    long streamWarmupRows() {
        return streamRows / 5;
    }

    /** Rows of the insert run that warms a client up before it is measured: a whole run, as the JIT needs it. */
    int insertWarmupRows() {
        return insertRows;
    }
}

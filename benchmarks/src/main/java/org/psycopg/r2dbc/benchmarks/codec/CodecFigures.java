// Runs the codec JMH benchmark with the gc profiler and prints ns/op and bytes/op per type as a Markdown table.
package org.psycopg.r2dbc.benchmarks.codec;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link CodecBenchmark} in a forked JVM (JMH's rule: the fork starts from this JVM's class
 * path) and renders one row per type: decode and encode time and allocation per value.
 */
public final class CodecFigures {

    private CodecFigures() {
    }

    /**
     * Runs the benchmark, briefly when {@code quick}, and returns the table.
     *
     * @throws RunnerException if JMH fails or a benchmark throws
     */
    public static String run(boolean quick) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(CodecBenchmark.class.getName().replace(".", "\\.") + "\\.")
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
        if (quick) {
            options.warmupIterations(1).warmupTime(TimeValue.milliseconds(200))
                    .measurementIterations(1).measurementTime(TimeValue.milliseconds(300));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, double[]> byType = new HashMap<>();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            int column = method.endsWith(".decode") ? 0 : 2;
            double[] row = byType.computeIfAbsent(result.getParams().getParam("type"), t -> new double[] {
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN});
            row[column] = result.getPrimaryResult().getScore();
            row[column + 1] = allocatedPerOp(result);
        }
        StringBuilder table = new StringBuilder(
                "| type | decode ns/op | decode B/op | encode ns/op | encode B/op |\n|---|---:|---:|---:|---:|\n");
        for (CodecSample sample : CodecSample.values()) {
            double[] row = byType.get(sample.typeName());
            table.append("| ").append(sample.typeName());
            for (int i = 0; i < 4; i++) {
                table.append(" | ").append(row == null || Double.isNaN(row[i]) ? "–"
                        : String.format(Locale.ROOT, i % 2 == 0 ? "%.1f" : "%.0f", row[i]));
            }
            table.append(" |\n");
        }
        return table.toString();
    }

    private static double allocatedPerOp(RunResult result) {
        for (Map.Entry<String, Result> secondary : result.getSecondaryResults().entrySet()) {
            if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
                return secondary.getValue().getScore();
            }
        }
        return Double.NaN;
    }
}

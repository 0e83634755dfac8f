// Runs PostgreSQL's pgbench, when the machine has it, for the server's own ceiling with a C client (libpq).
package org.psycopg.r2dbc.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pgbench in prepared mode ({@code -M prepared}) against the same server, as the ceiling the Java
 * clients are measured against. {@link #pointSelects} runs the benchmark's own point select on
 * {@code bench_point} (a script shaped like pgbench's built-in {@code -S}), with the same connections
 * and statements in flight as a Java load: several in flight on one connection use pgbench's
 * pipeline mode. {@link #selectOnly} runs the built-in {@code -S} itself on pgbench's own tables.
 * Connects with {@code sslmode=disable} through libpq's environment variables.
 */
final class Pgbench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

    private final Path executable;
    private final ServerTarget target;
    private final Path scripts;

    private Pgbench(Path executable, ServerTarget target, Path scripts) {
        this.executable = executable;
        this.target = target;
        this.scripts = scripts;
    }

    /** pgbench from the {@code PATH}, or empty when there is none. */
    static Optional<Pgbench> find(ServerTarget target) throws IOException {
        Optional<Path> pgbench = Programs.onPath("pgbench");
        if (pgbench.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Pgbench(pgbench.get(), target, Files.createTempDirectory("pgbench-scripts")));
    }

    /** The first line of {@code pgbench --version}. */
    String version() throws IOException, InterruptedException {
        return run(List.of("--version")).lines().findFirst().orElse("pgbench").trim();
    }

    /**
     * Point selects on {@code bench_point} for {@code duration}: {@code connections} connections
     * with {@code inFlightPerConnection} selects in flight on each.
     *
     * @return selects per second
     */
    double pointSelects(int connections, int inFlightPerConnection, Duration duration)
            throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder();
        for (int i = 1; i <= inFlightPerConnection; i++) {
            script.append("\\set id").append(i).append(" random(1, ").append(BenchmarkTables.POINT_ROWS).append(")\n");
        }
        script.append(inFlightPerConnection > 1 ? "\\startpipeline\n" : "");
        for (int i = 1; i <= inFlightPerConnection; i++) {
            script.append("SELECT id, v, t FROM bench_point WHERE id = :id").append(i).append(";\n");
        }
        script.append(inFlightPerConnection > 1 ? "\\endpipeline\n" : "");
        Path file = scripts.resolve("point-" + inFlightPerConnection + ".sql");
        Files.writeString(file, script);
        List<String> arguments = new ArrayList<>(List.of("-n", "-f", file.toString()));
        return tps(connections, duration, arguments) * inFlightPerConnection;
    }

    /**
     * pgbench's built-in select-only script on its own tables (created at scale 1 first).
     *
     * @return selects per second
     */
    double selectOnly(int connections, Duration duration) throws IOException, InterruptedException {
        run(List.of("-i", "-q", "-s", "1", target.database()));
        return tps(connections, duration, new ArrayList<>(List.of("-S")));
    }

    private double tps(int connections, Duration duration, List<String> arguments)
            throws IOException, InterruptedException {
        arguments.addAll(List.of("-M", "prepared", "-c", Integer.toString(connections),
                "-j", Integer.toString(Math.min(connections, Runtime.getRuntime().availableProcessors())),
                "-T", Long.toString(Math.max(1, duration.toSeconds())), target.database()));
        String output = run(arguments);
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IOException("pgbench printed no tps line:\n" + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    private String run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        if (!arguments.equals(List.of("--version"))) {
            // pgbench reads --version only as its first argument
            command.addAll(List.of("-h", target.host(), "-p", Integer.toString(target.port()), "-U", target.user()));
        }
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("PGPASSWORD", target.password());
        environment.put("PGSSLMODE", "disable");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("pgbench " + arguments + " failed:\n" + output);
        }
        return output;
    }
}

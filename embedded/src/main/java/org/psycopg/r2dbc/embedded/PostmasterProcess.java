// Runs initdb and the postmaster of one data folder, waits until it is ready, and shuts it down.
package org.psycopg.r2dbc.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running {@code postgres} server process. {@link #start} returns once the server accepts
 * connections, as {@code pg_ctl -w} decides it: {@code postmaster.pid} names this process and says
 * {@code ready}. {@link #stop} is a fast shutdown: open sessions are ended, not waited for.
 */
final class PostmasterProcess {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(10);
    private static final int PID_FILE_STATUS_LINE = 7;

    private final Process process;

    private PostmasterProcess(Process process) {
        this.process = process;
    }

    /** Creates the data folder with {@code superuser} as its bootstrap superuser, UTF-8 and the C locale. */
    static void initdb(Path installation, ServerDirectory directory, ServerAccount account, ServerLog log,
                       String superuser) throws IOException {
        Process initdb = builder(directory, account, log, List.of(installation.resolve("bin/initdb").toString(),
                "--pgdata=" + directory.data(), "--username=" + superuser, "--encoding=UTF8", "--locale=C",
                "--auth=trust", "--no-sync", "--no-instructions")).start();
        try {
            if (!initdb.waitFor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                initdb.destroyForcibly();
                throw new IOException("initdb did not finish in " + READY_TIMEOUT + log.tail());
            }
        } catch (InterruptedException e) {
            initdb.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running initdb", e);
        }
        if (initdb.exitValue() != 0) {
            throw new IOException("initdb failed with exit code " + initdb.exitValue() + log.tail());
        }
    }

    /** Starts the server of {@code directory} and waits until it accepts connections. */
    static PostmasterProcess start(Path installation, ServerDirectory directory, ServerAccount account, ServerLog log)
            throws IOException {
        Process process = builder(directory, account, log,
                List.of(installation.resolve("bin/postgres").toString(), "-D", directory.data().toString())).start();
        PostmasterProcess postmaster = new PostmasterProcess(process);
        try {
            postmaster.awaitReady(directory, log);
        } catch (IOException | RuntimeException e) {
            postmaster.stop();
            throw e;
        }
        return postmaster;
    }

    /**
     * Stops the server that an abandoned folder's {@code postmaster.pid} names, if it still runs:
     * with no client left, the smart shutdown that a plain kill requests ends it at once.
     */
    static void stopAbandoned(ServerDirectory directory) {
        Optional<ProcessHandle> postmaster = directory.postmasterPid()
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().command().map(command -> command.endsWith("/postgres")).orElse(false));
        postmaster.ifPresent(handle -> {
            handle.destroy();
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                handle.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Fast shutdown (SIGINT), then immediate shutdown (SIGQUIT), then SIGKILL, each given some time. */
    void stop() {
        if (signalAndWait("INT", Duration.ofSeconds(30)) || signalAndWait("QUIT", Duration.ofSeconds(5))) {
            return;
        }
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(5));
    }

    private void awaitReady(ServerDirectory directory, ServerLog log) throws IOException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Path pidFile = directory.data().resolve("postmaster.pid");
        String pid = Long.toString(process.pid());
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("postgres exited with code " + process.exitValue() + " while starting" + log.tail());
            }
            if (isReady(pidFile, pid)) {
                return;
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for postgres to start", e);
            }
        }
        throw new IOException("postgres was not ready after " + READY_TIMEOUT + log.tail());
    }

    private static boolean isReady(Path pidFile, String pid) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.size() > PID_FILE_STATUS_LINE && lines.get(0).strip().equals(pid)
                    && lines.get(PID_FILE_STATUS_LINE).strip().equals("ready");
        } catch (IOException e) {
            return false; // not written yet, or being rewritten
        }
    }

    private boolean signalAndWait(String signal, Duration timeout) {
        if (!process.isAlive()) {
            return true;
        }
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return waitFor(timeout);
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static ProcessBuilder builder(ServerDirectory directory, ServerAccount account, ServerLog log,
                                          List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(account.command(command))
                .directory(directory.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.file().toFile()));
        builder.environment().put("LC_ALL", "C");
        builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
        return builder;
    }
}

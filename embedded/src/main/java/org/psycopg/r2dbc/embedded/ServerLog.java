// The file that collects initdb's and postgres' output, and its last lines for error messages.
package org.psycopg.r2dbc.embedded;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The server's log: {@code target/embedded-postgres/postgres-<jvm pid>.log} under the working
 * directory when that has a {@code target/} folder (a Maven module's tests), else {@code postgres.log}
 * in the server's temporary folder. The JVM opens it, so the server's account needs no right on it.
 */
record ServerLog(Path file) {

    private static final int TAIL_BYTES = 4096;

    /** Picks the log file for a server whose temporary folder is {@code directory}, and empties it. */
    static ServerLog create(ServerDirectory directory) throws IOException {
        Path target = Path.of(System.getProperty("user.dir"), "target");
        Path file = directory.root().resolve("postgres.log");
        if (Files.isDirectory(target) && Files.isWritable(target)) {
            Path folder = Files.createDirectories(target.resolve("embedded-postgres"));
            file = folder.resolve("postgres-" + ProcessHandle.current().pid() + ".log");
        }
        Files.writeString(file, "");
        return new ServerLog(file);
    }

    /** The end of the log, to explain a failure. */
    String tail() {
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, log.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (log.length() - start)];
            log.seek(start);
            log.readFully(bytes);
            return "\n--- end of " + file + " ---\n" + new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return " (log " + file + " unreadable: " + e + ")";
        }
    }
}

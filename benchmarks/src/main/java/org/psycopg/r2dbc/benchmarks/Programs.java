// Finds the PostgreSQL command-line programs a benchmark compares with (pgbench, psql, pg_recvlogical).
package org.psycopg.r2dbc.benchmarks;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Programs looked up on the {@code PATH}, as a shell would find them. */
final class Programs {

    private Programs() {
    }

    /** The first executable called {@code program} in a folder of the {@code PATH}, or empty. */
    static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String folder : path.split(File.pathSeparator)) {
                Path candidate = Path.of(folder, program);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}

// The temporary folder of one embedded server: data folder, Unix socket, TLS files and configuration.
package org.psycopg.r2dbc.embedded;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A folder {@code psycopg-postgres-*} under {@code java.io.tmpdir} that holds everything of one server
 * and is deleted when that server stops. It records the pid of the JVM that made it, so that a later
 * JVM can recognise, stop and delete the servers of JVMs that were killed before their shutdown hook ran.
 */
record ServerDirectory(Path root) {

    private static final String PREFIX = "psycopg-postgres-";
    private static final String OWNER_FILE = "jvm.pid";
    /** How long a folder without an owner file may be young and still being set up by another JVM. */
    private static final Duration SETUP_GRACE = Duration.ofMinutes(5);

    /** Makes a fresh folder owned by this JVM, with its {@code socket/} and {@code tls/} sub-folders. */
    static ServerDirectory create() throws IOException {
        Path root = Files.createTempDirectory(temporaryFolder(), PREFIX);
        Files.writeString(root.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
        ServerDirectory directory = new ServerDirectory(root);
        Files.createDirectory(directory.socket());
        Files.createDirectory(directory.tls());
        return directory;
    }

    /** The folders of servers whose JVM no longer runs. */
    static List<ServerDirectory> abandoned() {
        List<ServerDirectory> found = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(temporaryFolder(), PREFIX + "*")) {
            for (Path folder : folders) {
                ServerDirectory directory = new ServerDirectory(folder);
                if (directory.isAbandoned()) {
                    found.add(directory);
                }
            }
        } catch (IOException e) {
            // an unreadable temporary folder holds nothing this JVM could clean up
        }
        return found;
    }

    /** The data folder that initdb fills. */
    Path data() {
        return root.resolve("data");
    }

    /** The folder of the server's Unix socket. */
    Path socket() {
        return root.resolve("socket");
    }

    /** The folder of the certificates and keys. */
    Path tls() {
        return root.resolve("tls");
    }

    /** The generated {@code pg_hba.conf}. */
    Path hbaFile() {
        return root.resolve("pg_hba.conf");
    }

    /** The settings file that the data folder's {@code postgresql.conf} includes. */
    Path settingsFile() {
        return root.resolve("embedded.conf");
    }

    /** The pid in the data folder's {@code postmaster.pid}, if there is one. */
    Optional<Long> postmasterPid() {
        try (Stream<String> lines = Files.lines(data().resolve("postmaster.pid"))) {
            return lines.findFirst().map(String::strip).map(Long::valueOf);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Deletes the folder and everything in it. */
    void delete() throws IOException {
        deleteTree(root);
    }

    /** Deletes {@code path} and everything under it; a path already gone is not an error. */
    static void deleteTree(Path path) throws IOException {
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path each : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(each);
            }
        } catch (NoSuchFileException e) {
            // already deleted
        }
    }

    private boolean isAbandoned() {
        try {
            Path owner = root.resolve(OWNER_FILE);
            if (!Files.exists(owner)) {
                FileTime modified = Files.getLastModifiedTime(root);
                return modified.toInstant().isBefore(Instant.now().minus(SETUP_GRACE));
            }
            long pid = Long.parseLong(Files.readString(owner).strip());
            return ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static Path temporaryFolder() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }
}

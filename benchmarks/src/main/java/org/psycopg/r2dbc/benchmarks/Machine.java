// Describes the machine and JVM a run measured on, for the header of its results.
package org.psycopg.r2dbc.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The lines that say when and where figures were taken: date, processors, memory, load, JVM; and progress prefixes. */
final class Machine {

    private Machine() {
    }

    /** Markdown list items describing this machine and JVM now. */
    static String describe() {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Runtime runtime = Runtime.getRuntime();
        return "- date: " + OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "\n"
                + "- processors: " + runtime.availableProcessors() + cpuModel() + "\n"
                + String.format(Locale.ROOT, "- memory: %.1f GiB, load average at start %.2f%n",
                        os.getTotalMemorySize() / (1024.0 * 1024 * 1024), os.getSystemLoadAverage())
                + "- os: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + "\n"
                + "- java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + String.format(Locale.ROOT, ", max heap %d MiB%n", runtime.maxMemory() / (1024 * 1024));
    }

    /**
     * The prefix of a progress line: seconds since the JVM started and the 1-minute load average, so
     * that a figure taken while other work shared the cores can be told apart.
     */
    static String progress() {
        return String.format(Locale.ROOT, "  [%4ds, load %.2f] ", ManagementFactory.getRuntimeMXBean().getUptime() / 1000,
                load());
    }

    /** The 1-minute load average now. */
    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** {@code " (model name)"} from /proc/cpuinfo, or nothing where there is none. */
    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> " (" + line.substring(line.indexOf(':') + 1).trim() + ")")
                    .findFirst().orElse("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}

// Counts the bytes every thread of the JVM allocated during a run.
package org.psycopg.r2dbc.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * The heap bytes allocated by all threads between {@link #start()} and {@link #allocated()}: the
 * caller's and the event loops' alike, since a client decodes on either. It reads HotSpot's
 * per-thread counters ({@code com.sun.management.ThreadMXBean}); a thread that ends during the run
 * takes its count with it, so the figure is a lower bound (the clients' threads here live for the
 * whole run).
 */
final class AllocationCounter {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> before;

    private AllocationCounter(Map<Long, Long> before) {
        this.before = before;
    }

    /** Starts counting now. */
    static AllocationCounter start() {
        return new AllocationCounter(snapshot());
    }

    private static Map<Long, Long> snapshot() {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        Map<Long, Long> counts = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                counts.put(ids[i], bytes[i]);
            }
        }
        return counts;
    }

    /** The bytes allocated since {@link #start()} by the threads alive now. */
    long allocated() {
        long total = 0;
        for (Map.Entry<Long, Long> now : snapshot().entrySet()) {
            total += now.getValue() - before.getOrDefault(now.getKey(), 0L);
        }
        return total;
    }
}

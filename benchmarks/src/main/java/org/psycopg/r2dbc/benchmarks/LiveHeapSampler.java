// Samples the live heap (what survives a full collection) while a client streams, to find what it holds at its peak.
package org.psycopg.r2dbc.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The heap a client keeps reachable during a run, above what was reachable before it: a daemon
 * thread collects garbage ({@link System#gc()}) and reads the used heap every period, and the
 * largest reading less the baseline is the peak. The collections slow the run, so figures of speed
 * come from other runs. Buffers outside the heap (direct or pooled native memory) are not counted.
 */
final class LiveHeapSampler implements AutoCloseable {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final long baseline;
    private final long periodMillis;
    private final Thread sampler;
    private volatile boolean stopped;
    private volatile long peak;

    private LiveHeapSampler(long periodMillis) {
        this.baseline = liveHeap();
        this.periodMillis = periodMillis;
        this.peak = baseline;
        this.sampler = new Thread(this::sample, "live-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Measures the baseline, then samples every {@code periodMillis} until {@link #close()}. */
    static LiveHeapSampler start(long periodMillis) {
        return new LiveHeapSampler(periodMillis);
    }

    private static long liveHeap() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private void sample() {
        while (!stopped) {
            try {
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
            long live = liveHeap();
            if (live > peak) {
                peak = live;
            }
        }
    }

    /** The largest live heap seen so far, less the baseline; 0 when it never rose. */
    long peakAboveBaseline() {
        return Math.max(0, peak - baseline);
    }

    /** Stops sampling and waits for the sampler thread. */
    @Override
    public void close() throws InterruptedException {
        stopped = true;
        sampler.interrupt();
        sampler.join();
    }
}

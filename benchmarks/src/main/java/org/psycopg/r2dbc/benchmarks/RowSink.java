// Folds the decoded values of a run into a count and a checksum, so that no decoding can be skipped.
package org.psycopg.r2dbc.benchmarks;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Receives every decoded row of a run. Each value is used (its length, sign or a field), so the JIT
 * cannot drop a decoding; the totals let a run check that it saw every row. Thread-safe: rows may
 * arrive on several event loops at once.
 */
final class RowSink {

    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong checksum = new AtomicLong();

    /** A row of the point-select table: {@code (int4, int8, text)}. */
    void point(Integer id, Long value, String text) {
        checksum.addAndGet(id + value + text.length());
        rows.incrementAndGet();
    }

    /** A row of the stream table: {@code (int4, int8, text, timestamptz, numeric)}. */
    void wide(Integer id, Long value, String text, OffsetDateTime at, BigDecimal amount) {
        checksum.addAndGet(id + value + text.length() + at.getSecond() + amount.signum());
        rows.incrementAndGet();
    }

    /** The rows received so far. */
    long rows() {
        return rows.get();
    }

    /** A value that depends on every column of every row received. */
    long checksum() {
        return checksum.get();
    }
}

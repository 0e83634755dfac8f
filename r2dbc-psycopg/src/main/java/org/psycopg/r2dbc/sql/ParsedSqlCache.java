// A bounded, thread-safe cache of parsed SQL that keeps recently used entries (CLOCK eviction).
package org.psycopg.r2dbc.sql;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Caches {@link ParsedSql} by SQL text. A hit is one lock-free map lookup and one flag write. A miss
 * parses outside any lock; inserting then takes a short lock to evict: entries sit in a ring, and the
 * eviction hand spares an entry used since it last passed (a second chance) and evicts one that was
 * not, which keeps the working set as least-recently-used eviction would at a fraction of the cost.
 *
 * <p>Holds at most {@code capacity} entries once concurrent inserts settle. SQL longer than
 * {@code maxSqlLength} characters is parsed every time rather than kept, so that large generated
 * statements do not pin memory. Parse failures are not cached.
 */
final class ParsedSqlCache {

    private static final class Entry {
        final String sql;
        final ParsedSql parsed;
        volatile boolean used;

        Entry(String sql, ParsedSql parsed) {
            this.sql = sql;
            this.parsed = parsed;
        }
    }

    private final int capacity;
    private final int maxSqlLength;
    private final Function<String, ParsedSql> parser;
    private final ConcurrentHashMap<String, Entry> entries;
    /** Every cached entry in eviction order; guarded by itself. */
    private final ArrayDeque<Entry> ring = new ArrayDeque<>();

    ParsedSqlCache(int capacity, int maxSqlLength, Function<String, ParsedSql> parser) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.maxSqlLength = maxSqlLength;
        this.parser = parser;
        this.entries = new ConcurrentHashMap<>(capacity * 2);
    }

    ParsedSql get(String sql) {
        Entry entry = entries.get(sql);
        if (entry != null) {
            if (!entry.used) {
                entry.used = true;
            }
            return entry.parsed;
        }
        ParsedSql parsed = parser.apply(sql);
        if (sql.length() > maxSqlLength) {
            return parsed;
        }
        Entry fresh = new Entry(sql, parsed);
        Entry raced = entries.putIfAbsent(sql, fresh);
        if (raced != null) {
            return raced.parsed;
        }
        synchronized (ring) {
            ring.addLast(fresh);
            while (ring.size() > capacity) {
                evictOne();
            }
        }
        return parsed;
    }

    /** How many entries the cache holds now. */
    int size() {
        return entries.size();
    }

    private void evictOne() {
        while (true) {
            Entry candidate = ring.pollFirst();
            if (candidate.used) {
                candidate.used = false;
                ring.addLast(candidate);
            } else {
                entries.remove(candidate.sql, candidate);
                return;
            }
        }
    }
}

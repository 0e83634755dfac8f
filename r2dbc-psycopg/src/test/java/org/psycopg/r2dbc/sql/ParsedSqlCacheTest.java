// Specification of the parsed-SQL cache: bounded, keeps what is in use, safe under concurrent use.
package org.psycopg.r2dbc.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParsedSqlCacheTest {

    private final AtomicInteger parses = new AtomicInteger();

    private ParsedSqlCache cache(int capacity) {
        return new ParsedSqlCache(capacity, 100, sql -> {
            parses.incrementAndGet();
            return SqlScanner.scan(sql);
        });
    }

    @Test
    void secondLookupIsServedWithoutParsing() {
        ParsedSqlCache cache = cache(4);
        ParsedSql first = cache.get("SELECT :a");
        assertSame(first, cache.get("SELECT :a"));
        assertEquals(1, parses.get());
        assertEquals("SELECT $1", first.sql());
    }

    @Test
    void sizeNeverExceedsCapacity() {
        ParsedSqlCache cache = cache(3);
        for (int i = 0; i < 10; i++) {
            cache.get("SELECT " + i);
            assertTrue(cache.size() <= 3, "size " + cache.size());
        }
        assertEquals(3, cache.size());
    }

    @Test
    void entryInUseSurvivesWhileUnusedOnesAreEvicted() {
        ParsedSqlCache cache = cache(3);
        ParsedSql hot = cache.get("SELECT 'hot'");
        for (int i = 0; i < 20; i++) {
            assertSame(hot, cache.get("SELECT 'hot'"));
            cache.get("SELECT " + i);
        }
        assertSame(hot, cache.get("SELECT 'hot'"));
        assertEquals(21, parses.get());
    }

    @Test
    void evictedEntryIsParsedAgain() {
        ParsedSqlCache cache = cache(1);
        ParsedSql first = cache.get("SELECT 1");
        cache.get("SELECT 2");
        assertNotSame(first, cache.get("SELECT 1"));
        assertEquals(3, parses.get());
    }

    @Test
    void sqlLongerThanTheLimitIsNotKept() {
        ParsedSqlCache cache = cache(4);
        String longSql = "SELECT '" + "x".repeat(100) + "'";
        cache.get(longSql);
        cache.get(longSql);
        assertEquals(2, parses.get());
        assertEquals(0, cache.size());
    }

    @Test
    void failedParseIsNotKept() {
        ParsedSqlCache cache = cache(4);
        assertThrows(IllegalArgumentException.class, () -> cache.get("SELECT $1, :a"));
        assertThrows(IllegalArgumentException.class, () -> cache.get("SELECT $1, :a"));
        assertEquals(2, parses.get());
        assertEquals(0, cache.size());
    }

    @Test
    void concurrentLookupsAgreeAndStayBounded() throws Exception {
        ParsedSqlCache cache = cache(16);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    int checked = 0;
                    for (int i = 0; i < 20_000; i++) {
                        int n = i % 40;
                        ParsedSql parsed = cache.get("SELECT :p" + n + ", :q");
                        assertEquals("SELECT $1, $2", parsed.sql());
                        assertEquals(List.of("p" + n, "q"), parsed.parameterNames());
                        checked++;
                    }
                    return checked;
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertEquals(20_000, result.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
        assertTrue(cache.size() <= 16, "size " + cache.size());
    }
}

// Remembers, per SQL text, which result columns to ask for in binary.
package org.psycopg.r2dbc;

import java.util.LinkedHashMap;
import java.util.Map;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.protocol.backend.RowDescription;

/**
 * Bind must name the result formats before the server has described the columns. The first run
 * of a SQL text asks for text; its RowDescription teaches the column types, and later runs ask
 * for binary wherever a codec reads it. Bounded LRU, shared by one connection's threads.
 */
final class ResultFormats {

    static final short[] ALL_TEXT = new short[0];

    private final CodecRegistry codecs;
    private final Map<String, short[]> bySql;

    ResultFormats(CodecRegistry codecs, int capacity) {
        this.codecs = codecs;
        this.bySql = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, short[]> eldest) {
                return size() > Math.max(capacity, 1);
            }
        };
    }

    synchronized short[] get(String sql) {
        short[] formats = bySql.get(sql);
        return formats != null ? formats : ALL_TEXT;
    }

    synchronized boolean isKnown(String sql) {
        return bySql.containsKey(sql);
    }

    void learn(String sql, RowDescription description) {
        short[] formats = new short[description.fields().size()];
        for (int i = 0; i < formats.length; i++) {
            formats[i] = codecs.resultFormat(description.fields().get(i).typeOid()).code();
        }
        synchronized (this) {
            bySql.put(sql, formats);
        }
    }

    /** Forgets a SQL text whose columns changed (the server rejected the formats' count). */
    synchronized void forget(String sql) {
        bySql.remove(sql);
    }
}

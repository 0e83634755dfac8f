// What a connection knows about each SQL text it has run: columns, and its prepared statement.
package org.psycopg.r2dbc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.protocol.backend.RowDescription;

/**
 * A bounded LRU of statement descriptions keyed by SQL text and parameter types. A description
 * says which result columns to ask for in binary; after {@code prepareThreshold} runs the
 * statement is prepared under a name and later runs skip Parse. An evicted prepared statement is
 * handed to a closer, which closes it on the server. Thread-safe.
 */
final class StatementCache {

    /** One SQL text with one set of parameter types, as the server described it. */
    static final class Entry {
        final Key key;
        final RowDescription rows;
        private int runs;
        private volatile String name;

        Entry(Key key, RowDescription rows) {
            this.key = key;
            this.rows = rows;
        }

        /** The prepared statement's name, or null while the statement runs unnamed. */
        String name() {
            return name;
        }

        private void prepared(String name) {
            this.name = name;
        }

        /** The cached description with the result formats a run asks for, as the server would describe that portal. */
        RowDescription describedAs(short[] formats) {
            if (rows == null) {
                return null;
            }
            List<RowDescription.Field> fields = new ArrayList<>(rows.fields().size());
            for (int i = 0; i < rows.fields().size(); i++) {
                RowDescription.Field field = rows.fields().get(i);
                short format = formats.length == 0 ? 0 : formats[i];
                fields.add(new RowDescription.Field(field.name(), field.tableOid(), field.columnAttribute(), field.typeOid(),
                        field.typeSize(), field.typeModifier(), format));
            }
            return new RowDescription(fields);
        }

        short[] resultFormats(CodecRegistry codecs) {
            if (rows == null) {
                return ALL_TEXT;
            }
            short[] formats = new short[rows.fields().size()];
            for (int i = 0; i < formats.length; i++) {
                formats[i] = codecs.resultFormat(rows.fields().get(i).typeOid()).code();
            }
            return formats;
        }
    }

    private static final short[] ALL_TEXT = new short[0];

    record Key(String sql, int[] types) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && sql.equals(key.sql) && Arrays.equals(types, key.types);
        }

        @Override
        public int hashCode() {
            return sql.hashCode() * 31 + Arrays.hashCode(types);
        }
    }

    private final int prepareThreshold;
    private final Map<Key, Entry> entries;
    private int nextName;

    StatementCache(int capacity, int prepareThreshold, Consumer<String> closer) {
        this.prepareThreshold = prepareThreshold;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                boolean evict = size() > Math.max(capacity, 1);
                if (evict && eldest.getValue().name() != null) {
                    closer.accept(eldest.getValue().name());
                }
                return evict;
            }
        };
    }

    synchronized Entry get(Key key) {
        return entries.get(key);
    }

    synchronized void put(Entry entry) {
        entries.put(entry.key, entry);
    }

    /** Forgets a description the server no longer agrees with (the table changed under it). */
    synchronized void invalidate(Entry entry) {
        entries.remove(entry.key, entry);
    }

    /**
     * Counts a run. When it reaches the threshold the statement gets its name at once and this run
     * must Parse it: runs issued after it are behind it on the wire and may Bind the name.
     *
     * @return true when this run prepares the statement
     */
    synchronized boolean countRun(Entry entry) {
        if (entry.name() != null || prepareThreshold <= 0 || ++entry.runs < prepareThreshold) {
            return false;
        }
        entry.prepared("_psycopg_" + (nextName++));
        return true;
    }
}

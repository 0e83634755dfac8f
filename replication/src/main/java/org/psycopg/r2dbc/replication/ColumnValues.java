// A row's values by column name over the relation and tuple they come from, without a map of its own.
package org.psycopg.r2dbc.replication;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import org.psycopg.r2dbc.replication.PgOutputMessage.Relation;
import org.psycopg.r2dbc.replication.PgOutputMessage.Tuple;

/**
 * The unmodifiable map of a {@link ChangeEvent}: column name to value, iterated in column order,
 * null values included. A view of an immutable {@link Tuple} and its {@link Relation}, so it costs
 * one object per row; lookups by name scan the columns, which tables keep few.
 */
final class ColumnValues extends AbstractMap<String, Object> {

    private final Relation relation;
    private final Tuple tuple;

    ColumnValues(Relation relation, Tuple tuple) {
        this.relation = relation;
        this.tuple = tuple;
    }

    @Override
    public int size() {
        return tuple.size();
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Object get(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : tuple.get(index);
    }

    private int indexOf(Object key) {
        for (int i = 0; i < tuple.size(); i++) {
            if (relation.column(i).name().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return tuple.size();
            }

            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < tuple.size();
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        int index = next++;
                        return new SimpleImmutableEntry<>(relation.column(index).name(), tuple.get(index));
                    }
                };
            }
        };
    }
}

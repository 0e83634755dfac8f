// The columns of a result, looked up by position or case-insensitive name.
package org.psycopg.r2dbc;

import io.r2dbc.spi.RowMetadata;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.protocol.backend.RowDescription;

/**
 * Built once per result from its RowDescription and shared by all its rows. Names match
 * case-insensitively, as R2DBC asks; with duplicate names the first column wins.
 */
public final class PsycopgRowMetadata implements RowMetadata {

    private final PsycopgColumnMetadata[] columns;
    private final Map<String, Integer> indexByName;

    PsycopgRowMetadata(RowDescription description, CodecRegistry codecs) {
        List<RowDescription.Field> fields = description.fields();
        columns = new PsycopgColumnMetadata[fields.size()];
        indexByName = new HashMap<>(fields.size() * 2);
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new PsycopgColumnMetadata(fields.get(i), codecs);
            indexByName.putIfAbsent(fields.get(i).name().toLowerCase(Locale.ROOT), i);
        }
    }

    int size() {
        return columns.length;
    }

    PsycopgColumnMetadata column(int index) {
        if (index < 0 || index >= columns.length) {
            throw new IndexOutOfBoundsException("Column index " + index + " is out of range: the row has " + columns.length + " columns");
        }
        return columns[index];
    }

    int indexOf(String name) {
        if (name == null) {
            throw new IllegalArgumentException("name must not be null");
        }
        Integer index = indexByName.get(name.toLowerCase(Locale.ROOT));
        if (index == null) {
            throw new NoSuchElementException("No column named '" + name + "'; the columns are " + indexByName.keySet());
        }
        return index;
    }

    @Override
    public PsycopgColumnMetadata getColumnMetadata(int index) {
        return column(index);
    }

    @Override
    public PsycopgColumnMetadata getColumnMetadata(String name) {
        return columns[indexOf(name)];
    }

    @Override
    public List<PsycopgColumnMetadata> getColumnMetadatas() {
        return Arrays.asList(columns.clone());
    }

    @Override
    public boolean contains(String columnName) {
        return columnName != null && indexByName.containsKey(columnName.toLowerCase(Locale.ROOT));
    }
}

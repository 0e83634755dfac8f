package org.psycopg.r2dbc.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.replication.PgOutputMessage.Column;
import org.psycopg.r2dbc.replication.PgOutputMessage.Relation;
import org.psycopg.r2dbc.replication.PgOutputMessage.Tuple;

/** A row's values by column name, as ChangeEvent hands them out. */
class ColumnValuesTest {

    private final Relation relation = new Relation(0, 16384, "public", "items", 'd', List.of(
            new Column(true, "id", 23, -1), new Column(false, "note", 25, -1), new Column(false, "big", 25, -1)));
    private final Map<String, Object> values = new ColumnValues(relation, new Tuple(Arrays.asList(7, null, UnchangedToast.VALUE)));

    @Test
    void readsByNameInColumnOrderWithNullValuesPresent() {
        assertEquals(List.of("id", "note", "big"), List.copyOf(values.keySet()));
        assertEquals(7, values.get("id"));
        assertTrue(values.containsKey("note"));
        assertNull(values.get("note"));
        assertEquals(UnchangedToast.VALUE, values.get("big"));
        assertFalse(values.containsKey("missing"));
        assertNull(values.get("missing"));
        assertEquals(3, values.size());
    }

    @Test
    void equalsAnyMapWithTheSameEntriesAndCannotBeChanged() {
        Map<String, Object> same = new LinkedHashMap<>();
        same.put("id", 7);
        same.put("note", null);
        same.put("big", UnchangedToast.VALUE);
        assertEquals(same, values);
        assertEquals(values, same);
        assertEquals(same.hashCode(), values.hashCode());
        assertEquals("{id=7, note=null, big=VALUE}", values.toString());
        assertThrows(UnsupportedOperationException.class, () -> values.put("id", 8));
        assertThrows(UnsupportedOperationException.class, () -> values.remove("id"));
        assertThrows(UnsupportedOperationException.class, values::clear);
        assertThrows(UnsupportedOperationException.class, () -> values.entrySet().iterator().next().setValue(8));
    }
}

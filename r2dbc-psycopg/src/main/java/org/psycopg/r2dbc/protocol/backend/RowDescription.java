// RowDescription: the name, type and format of each column of the rows that follow.
package org.psycopg.r2dbc.protocol.backend;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.psycopg.r2dbc.protocol.CString;

/**
 * RowDescription ('T'): describes the columns of a result, before its DataRows (simple query) or
 * in answer to Describe (extended query).
 *
 * @param fields one per column, in order; unmodifiable
 */
public record RowDescription(List<Field> fields) implements BackendMessage {

    /**
     * One column of a result.
     *
     * @param name            the column name ({@code ?column?} when the server made one up)
     * @param tableOid        the table's OID when the column is a table column, else 0
     * @param columnAttribute the column's attribute number in that table, else 0
     * @param typeOid         the data type OID
     * @param typeSize        the type's size ({@code pg_type.typlen}); negative for variable-width types
     * @param typeModifier    the type modifier ({@code pg_attribute.atttypmod}), -1 when none
     * @param format          0 text, 1 binary; always 0 in the answer to Describe of a statement
     */
    public record Field(String name, int tableOid, short columnAttribute, int typeOid, short typeSize,
                        int typeModifier, short format) {
    }

    /** The smallest a field can be: an empty name (its NUL) and 18 bytes of numbers. */
    private static final int MIN_FIELD_SIZE = 19;

    static RowDescription decode(ByteBuf body) {
        Field[] fields = new Field[MessageReader.readCount(body, MIN_FIELD_SIZE, "fields")];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = new Field(CString.read(body), body.readInt(), body.readShort(), body.readInt(),
                    body.readShort(), body.readInt(), body.readShort());
        }
        return new RowDescription(Collections.unmodifiableList(Arrays.asList(fields)));
    }
}

// One result column as the server described it.
package org.psycopg.r2dbc;

import io.r2dbc.spi.ColumnMetadata;
import io.r2dbc.spi.Nullability;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.protocol.backend.RowDescription;

/**
 * A column's name, PostgreSQL type and Java type; precision and scale come from the type
 * modifier where the type has one (numeric, varchar, bpchar, time types).
 */
public final class PsycopgColumnMetadata implements ColumnMetadata {

    private final RowDescription.Field field;
    private final PostgresType type;

    PsycopgColumnMetadata(RowDescription.Field field, CodecRegistry codecs) {
        this.field = field;
        int oid = field.typeOid();
        this.type = new PostgresType(oid, codecs.typeName(oid), codecs.javaType(oid));
    }

    @Override
    public String getName() {
        return field.name();
    }

    @Override
    public PostgresType getType() {
        return type;
    }

    @Override
    public Class<?> getJavaType() {
        return type.javaType();
    }

    /** The type OID. */
    @Override
    public Integer getNativeTypeMetadata() {
        return field.typeOid();
    }

    @Override
    public Nullability getNullability() {
        return Nullability.UNKNOWN;
    }

    @Override
    public Integer getPrecision() {
        int modifier = field.typeModifier();
        if (modifier < 0) {
            return null;
        }
        return switch (field.typeOid()) {
            case 1700 -> ((modifier - 4) >> 16) & 0xFFFF;
            case 1043, 1042 -> modifier - 4;
            case 1083, 1114, 1184, 1266 -> modifier;
            default -> null;
        };
    }

    @Override
    public Integer getScale() {
        int modifier = field.typeModifier();
        return field.typeOid() == 1700 && modifier >= 0 ? (modifier - 4) & 0xFFFF : null;
    }

    /** The OID of the table the column comes from, 0 when it is not a table column. */
    public int tableOid() {
        return field.tableOid();
    }

    /** The column's attribute number in its table, 0 when it is not a table column. */
    public int columnAttribute() {
        return field.columnAttribute();
    }

    RowDescription.Field field() {
        return field;
    }

    @Override
    public String toString() {
        return field.name() + " " + type.name();
    }
}

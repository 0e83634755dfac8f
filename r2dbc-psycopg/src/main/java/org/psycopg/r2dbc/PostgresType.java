// A PostgreSQL type as R2DBC describes column and parameter types.
package org.psycopg.r2dbc;

import io.r2dbc.spi.Type;

/**
 * A PostgreSQL type: its OID, its name ({@code int4}, {@code timestamptz}, a user type's name) and
 * the Java class values of it are read as by default. Usable with
 * {@code Parameters.in(PostgresType.of(oid, name, javaType), value)} to bind with an explicit type.
 */
public record PostgresType(int oid, String name, Class<?> javaType) implements Type {

    public static PostgresType of(int oid, String name, Class<?> javaType) {
        return new PostgresType(oid, name, javaType);
    }

    @Override
    public Class<?> getJavaType() {
        return javaType;
    }

    @Override
    public String getName() {
        return name;
    }
}

// The PostgreSQL types of a COPY's columns, given by name or OID.
package org.psycopg.r2dbc.copy;

import java.util.Locale;
import java.util.Map;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Oids;
import org.psycopg.r2dbc.codec.PgType;

/**
 * The type OID of each column, resolved once against a registry, and what the binary COPY writer
 * needs to know of each type. Names are {@code pg_type} names ({@code int4}, {@code timestamptz}),
 * the SQL names of built-in types ({@code integer}, {@code double precision}, {@code character
 * varying}), and either with {@code []} for its array type. Immutable.
 */
final class ColumnTypes {

    /** How a type's binary form relates to its text. */
    enum BinaryForm {
        /** The binary form is the UTF-8 text. */
        TEXT,
        /** A version byte (1), then the text. */
        JSONB,
        /** Anything else: only a codec of the type writes it. */
        OTHER
    }

    private static final Map<String, String> SQL_NAMES = Map.ofEntries(
            Map.entry("smallint", "int2"), Map.entry("integer", "int4"), Map.entry("int", "int4"),
            Map.entry("bigint", "int8"), Map.entry("real", "float4"), Map.entry("double precision", "float8"),
            Map.entry("decimal", "numeric"), Map.entry("boolean", "bool"),
            Map.entry("character varying", "varchar"), Map.entry("character", "bpchar"),
            Map.entry("timestamp without time zone", "timestamp"), Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("time without time zone", "time"), Map.entry("time with time zone", "timetz"),
            Map.entry("bit varying", "varbit"));

    private final int[] oids;
    private final BinaryForm[] forms;

    private ColumnTypes(int[] oids, CodecRegistry codecs) {
        this.oids = oids.clone();
        this.forms = new BinaryForm[oids.length];
        for (int i = 0; i < oids.length; i++) {
            forms[i] = binaryForm(codecs, oids[i]);
        }
    }

    static ColumnTypes ofOids(CodecRegistry codecs, int... oids) {
        return new ColumnTypes(oids, codecs);
    }

    /** @throws IllegalArgumentException naming a type the registry does not know */
    static ColumnTypes ofNames(CodecRegistry codecs, String... names) {
        int[] oids = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            oids[i] = oid(codecs, names[i]);
        }
        return new ColumnTypes(oids, codecs);
    }

    int size() {
        return oids.length;
    }

    /** A copy of every column's OID. */
    int[] oids() {
        return oids.clone();
    }

    int oid(int column) {
        return oids[column];
    }

    BinaryForm binaryForm(int column) {
        return forms[column];
    }

    private static int oid(CodecRegistry codecs, String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        boolean array = key.endsWith("[]");
        if (array) {
            key = key.substring(0, key.length() - 2).trim();
        }
        PgType type = codecs.type(SQL_NAMES.getOrDefault(key, key));
        if (type == null || (array && type.arrayOid() == 0)) {
            throw new IllegalArgumentException("Unknown column type " + name + ": name a pg_type type the codecs know, or give its OID");
        }
        return array ? type.arrayOid() : type.oid();
    }

    private static BinaryForm binaryForm(CodecRegistry codecs, int oid) {
        switch (oid) {
            case Oids.TEXT, Oids.VARCHAR, Oids.BPCHAR, Oids.NAME, Oids.UNKNOWN, Oids.JSON, Oids.XML, Oids.REFCURSOR:
                return BinaryForm.TEXT;
            case Oids.JSONB:
                return BinaryForm.JSONB;
            default:
                PgType type = codecs.type(oid);
                if (type != null && (type.kind() == PgType.Kind.ENUM || type.name().equals("citext"))) {
                    return BinaryForm.TEXT;
                }
                return BinaryForm.OTHER;
        }
    }
}

// The catalog of built-in types: every type of pg_type.dat that a query can return.
package org.psycopg.r2dbc.codec;

import static org.psycopg.r2dbc.codec.Oids.*;

import java.util.ArrayList;
import java.util.List;

import org.psycopg.r2dbc.codec.PgType.Kind;

/** The {@link PgType}s every server has, with their array types. */
final class BuiltinTypes {

    private final List<PgType> types = new ArrayList<>();

    private BuiltinTypes() {
    }

    static List<PgType> all() {
        BuiltinTypes b = new BuiltinTypes();
        b.base(BOOL, "bool", BOOL_ARRAY);
        b.base(BYTEA, "bytea", BYTEA_ARRAY);
        b.base(CHAR, "char", CHAR_ARRAY);
        b.base(NAME, "name", NAME_ARRAY);
        b.base(INT8, "int8", INT8_ARRAY);
        b.base(INT2, "int2", INT2_ARRAY);
        b.withArray(PgType.of(INT2VECTOR, "int2vector", Kind.ARRAY, INT2, INT2VECTOR_ARRAY));
        b.base(INT4, "int4", INT4_ARRAY);
        b.base(REGPROC, "regproc", REGPROC_ARRAY);
        b.base(TEXT, "text", TEXT_ARRAY);
        b.base(OID, "oid", OID_ARRAY);
        b.base(TID, "tid", TID_ARRAY);
        b.base(XID, "xid", XID_ARRAY);
        b.base(CID, "cid", CID_ARRAY);
        b.withArray(PgType.of(OIDVECTOR, "oidvector", Kind.ARRAY, OID, OIDVECTOR_ARRAY));
        b.base(JSON, "json", JSON_ARRAY);
        b.base(XML, "xml", XML_ARRAY);
        b.base(PG_NODE_TREE, "pg_node_tree", 0);
        b.base(XID8, "xid8", XID8_ARRAY);
        b.base(POINT, "point", POINT_ARRAY);
        b.base(LSEG, "lseg", LSEG_ARRAY);
        b.base(PATH, "path", PATH_ARRAY);
        b.base(BOX, "box", BOX_ARRAY);
        b.base(POLYGON, "polygon", POLYGON_ARRAY);
        b.base(LINE, "line", LINE_ARRAY);
        b.base(FLOAT4, "float4", FLOAT4_ARRAY);
        b.base(FLOAT8, "float8", FLOAT8_ARRAY);
        b.add(PgType.of(UNKNOWN, "unknown", Kind.PSEUDO, 0, 0));
        b.base(CIRCLE, "circle", CIRCLE_ARRAY);
        b.base(MONEY, "money", MONEY_ARRAY);
        b.base(MACADDR, "macaddr", MACADDR_ARRAY);
        b.base(INET, "inet", INET_ARRAY);
        b.base(CIDR, "cidr", CIDR_ARRAY);
        b.base(MACADDR8, "macaddr8", MACADDR8_ARRAY);
        b.base(ACLITEM, "aclitem", ACLITEM_ARRAY);
        b.base(BPCHAR, "bpchar", BPCHAR_ARRAY);
        b.base(VARCHAR, "varchar", VARCHAR_ARRAY);
        b.base(DATE, "date", DATE_ARRAY);
        b.base(TIME, "time", TIME_ARRAY);
        b.base(TIMESTAMP, "timestamp", TIMESTAMP_ARRAY);
        b.base(TIMESTAMPTZ, "timestamptz", TIMESTAMPTZ_ARRAY);
        b.base(INTERVAL, "interval", INTERVAL_ARRAY);
        b.base(TIMETZ, "timetz", TIMETZ_ARRAY);
        b.base(BIT, "bit", BIT_ARRAY);
        b.base(VARBIT, "varbit", VARBIT_ARRAY);
        b.base(NUMERIC, "numeric", NUMERIC_ARRAY);
        b.base(REFCURSOR, "refcursor", REFCURSOR_ARRAY);
        b.base(REGPROCEDURE, "regprocedure", REGPROCEDURE_ARRAY);
        b.base(REGOPER, "regoper", REGOPER_ARRAY);
        b.base(REGOPERATOR, "regoperator", REGOPERATOR_ARRAY);
        b.base(REGCLASS, "regclass", REGCLASS_ARRAY);
        b.base(REGCOLLATION, "regcollation", REGCOLLATION_ARRAY);
        b.base(REGTYPE, "regtype", REGTYPE_ARRAY);
        b.base(REGROLE, "regrole", REGROLE_ARRAY);
        b.base(REGNAMESPACE, "regnamespace", REGNAMESPACE_ARRAY);
        b.base(UUID, "uuid", UUID_ARRAY);
        b.base(PG_LSN, "pg_lsn", PG_LSN_ARRAY);
        b.base(TSVECTOR, "tsvector", TSVECTOR_ARRAY);
        b.base(GTSVECTOR, "gtsvector", GTSVECTOR_ARRAY);
        b.base(TSQUERY, "tsquery", TSQUERY_ARRAY);
        b.base(REGCONFIG, "regconfig", REGCONFIG_ARRAY);
        b.base(REGDICTIONARY, "regdictionary", REGDICTIONARY_ARRAY);
        b.base(JSONB, "jsonb", JSONB_ARRAY);
        b.base(JSONPATH, "jsonpath", JSONPATH_ARRAY);
        b.base(TXID_SNAPSHOT, "txid_snapshot", TXID_SNAPSHOT_ARRAY);
        b.base(PG_SNAPSHOT, "pg_snapshot", PG_SNAPSHOT_ARRAY);
        b.range(INT4RANGE, "int4range", INT4, INT4RANGE_ARRAY);
        b.range(NUMRANGE, "numrange", NUMERIC, NUMRANGE_ARRAY);
        b.range(TSRANGE, "tsrange", TIMESTAMP, TSRANGE_ARRAY);
        b.range(TSTZRANGE, "tstzrange", TIMESTAMPTZ, TSTZRANGE_ARRAY);
        b.range(DATERANGE, "daterange", DATE, DATERANGE_ARRAY);
        b.range(INT8RANGE, "int8range", INT8, INT8RANGE_ARRAY);
        b.multirange(INT4MULTIRANGE, "int4multirange", INT4RANGE, INT4MULTIRANGE_ARRAY);
        b.multirange(NUMMULTIRANGE, "nummultirange", NUMRANGE, NUMMULTIRANGE_ARRAY);
        b.multirange(TSMULTIRANGE, "tsmultirange", TSRANGE, TSMULTIRANGE_ARRAY);
        b.multirange(TSTZMULTIRANGE, "tstzmultirange", TSTZRANGE, TSTZMULTIRANGE_ARRAY);
        b.multirange(DATEMULTIRANGE, "datemultirange", DATERANGE, DATEMULTIRANGE_ARRAY);
        b.multirange(INT8MULTIRANGE, "int8multirange", INT8RANGE, INT8MULTIRANGE_ARRAY);
        b.add(PgType.of(RECORD, "record", Kind.PSEUDO, 0, RECORD_ARRAY));
        b.add(PgType.of(RECORD_ARRAY, "_record", Kind.ARRAY, RECORD, 0));
        b.add(PgType.of(CSTRING, "cstring", Kind.PSEUDO, 0, CSTRING_ARRAY));
        b.add(PgType.of(CSTRING_ARRAY, "_cstring", Kind.ARRAY, CSTRING, 0));
        b.add(PgType.of(VOID, "void", Kind.PSEUDO, 0, 0));
        return List.copyOf(b.types);
    }

    private void add(PgType type) {
        types.add(type);
    }

    private void base(int oid, String name, int arrayOid) {
        withArray(PgType.of(oid, name, Kind.BASE, 0, arrayOid));
    }

    private void range(int oid, String name, int subtype, int arrayOid) {
        withArray(PgType.of(oid, name, Kind.RANGE, subtype, arrayOid));
    }

    private void multirange(int oid, String name, int range, int arrayOid) {
        withArray(PgType.of(oid, name, Kind.MULTIRANGE, range, arrayOid));
    }

    private void withArray(PgType type) {
        types.add(type);
        if (type.arrayOid() != 0) {
            types.add(PgType.arrayOf(type));
        }
    }
}

// The OIDs of PostgreSQL's built-in types, as src/include/catalog/pg_type.dat assigns them.
package org.psycopg.r2dbc.codec;

/**
 * Type OIDs fixed by PostgreSQL's catalog ({@code pg_type.dat}); the same on every server since
 * the type appeared. Array types are named {@code _ARRAY} after their element.
 */
public final class Oids {
    /** No type given: the server infers the parameter's type. */
    public static final int UNSPECIFIED = 0;

    public static final int BOOL = 16, BOOL_ARRAY = 1000;
    public static final int BYTEA = 17, BYTEA_ARRAY = 1001;
    public static final int CHAR = 18, CHAR_ARRAY = 1002;
    public static final int NAME = 19, NAME_ARRAY = 1003;
    public static final int INT8 = 20, INT8_ARRAY = 1016;
    public static final int INT2 = 21, INT2_ARRAY = 1005;
    public static final int INT2VECTOR = 22, INT2VECTOR_ARRAY = 1006;
    public static final int INT4 = 23, INT4_ARRAY = 1007;
    public static final int REGPROC = 24, REGPROC_ARRAY = 1008;
    public static final int TEXT = 25, TEXT_ARRAY = 1009;
    public static final int OID = 26, OID_ARRAY = 1028;
    public static final int TID = 27, TID_ARRAY = 1010;
    public static final int XID = 28, XID_ARRAY = 1011;
    public static final int CID = 29, CID_ARRAY = 1012;
    public static final int OIDVECTOR = 30, OIDVECTOR_ARRAY = 1013;
    public static final int JSON = 114, JSON_ARRAY = 199;
    public static final int XML = 142, XML_ARRAY = 143;
    public static final int PG_NODE_TREE = 194;
    public static final int XID8 = 5069, XID8_ARRAY = 271;
    public static final int POINT = 600, POINT_ARRAY = 1017;
    public static final int LSEG = 601, LSEG_ARRAY = 1018;
    public static final int PATH = 602, PATH_ARRAY = 1019;
    public static final int BOX = 603, BOX_ARRAY = 1020;
    public static final int POLYGON = 604, POLYGON_ARRAY = 1027;
    public static final int LINE = 628, LINE_ARRAY = 629;
    public static final int FLOAT4 = 700, FLOAT4_ARRAY = 1021;
    public static final int FLOAT8 = 701, FLOAT8_ARRAY = 1022;
    public static final int UNKNOWN = 705;
    public static final int CIRCLE = 718, CIRCLE_ARRAY = 719;
    public static final int MONEY = 790, MONEY_ARRAY = 791;
    public static final int MACADDR = 829, MACADDR_ARRAY = 1040;
    public static final int INET = 869, INET_ARRAY = 1041;
    public static final int CIDR = 650, CIDR_ARRAY = 651;
    public static final int MACADDR8 = 774, MACADDR8_ARRAY = 775;
    public static final int ACLITEM = 1033, ACLITEM_ARRAY = 1034;
    public static final int BPCHAR = 1042, BPCHAR_ARRAY = 1014;
    public static final int VARCHAR = 1043, VARCHAR_ARRAY = 1015;
    public static final int DATE = 1082, DATE_ARRAY = 1182;
    public static final int TIME = 1083, TIME_ARRAY = 1183;
    public static final int TIMESTAMP = 1114, TIMESTAMP_ARRAY = 1115;
    public static final int TIMESTAMPTZ = 1184, TIMESTAMPTZ_ARRAY = 1185;
    public static final int INTERVAL = 1186, INTERVAL_ARRAY = 1187;
    public static final int TIMETZ = 1266, TIMETZ_ARRAY = 1270;
    public static final int BIT = 1560, BIT_ARRAY = 1561;
    public static final int VARBIT = 1562, VARBIT_ARRAY = 1563;
    public static final int NUMERIC = 1700, NUMERIC_ARRAY = 1231;
    public static final int REFCURSOR = 1790, REFCURSOR_ARRAY = 2201;
    public static final int REGPROCEDURE = 2202, REGPROCEDURE_ARRAY = 2207;
    public static final int REGOPER = 2203, REGOPER_ARRAY = 2208;
    public static final int REGOPERATOR = 2204, REGOPERATOR_ARRAY = 2209;
    public static final int REGCLASS = 2205, REGCLASS_ARRAY = 2210;
    public static final int REGCOLLATION = 4191, REGCOLLATION_ARRAY = 4192;
    public static final int REGTYPE = 2206, REGTYPE_ARRAY = 2211;
    public static final int REGROLE = 4096, REGROLE_ARRAY = 4097;
    public static final int REGNAMESPACE = 4089, REGNAMESPACE_ARRAY = 4090;
    public static final int UUID = 2950, UUID_ARRAY = 2951;
    public static final int PG_LSN = 3220, PG_LSN_ARRAY = 3221;
    public static final int TSVECTOR = 3614, TSVECTOR_ARRAY = 3643;
    public static final int GTSVECTOR = 3642, GTSVECTOR_ARRAY = 3644;
    public static final int TSQUERY = 3615, TSQUERY_ARRAY = 3645;
    public static final int REGCONFIG = 3734, REGCONFIG_ARRAY = 3735;
    public static final int REGDICTIONARY = 3769, REGDICTIONARY_ARRAY = 3770;
    public static final int JSONB = 3802, JSONB_ARRAY = 3807;
    public static final int JSONPATH = 4072, JSONPATH_ARRAY = 4073;
    public static final int TXID_SNAPSHOT = 2970, TXID_SNAPSHOT_ARRAY = 2949;
    public static final int PG_SNAPSHOT = 5038, PG_SNAPSHOT_ARRAY = 5039;
    public static final int INT4RANGE = 3904, INT4RANGE_ARRAY = 3905;
    public static final int NUMRANGE = 3906, NUMRANGE_ARRAY = 3907;
    public static final int TSRANGE = 3908, TSRANGE_ARRAY = 3909;
    public static final int TSTZRANGE = 3910, TSTZRANGE_ARRAY = 3911;
    public static final int DATERANGE = 3912, DATERANGE_ARRAY = 3913;
    public static final int INT8RANGE = 3926, INT8RANGE_ARRAY = 3927;
    public static final int INT4MULTIRANGE = 4451, INT4MULTIRANGE_ARRAY = 6150;
    public static final int NUMMULTIRANGE = 4532, NUMMULTIRANGE_ARRAY = 6151;
    public static final int TSMULTIRANGE = 4533, TSMULTIRANGE_ARRAY = 6152;
    public static final int TSTZMULTIRANGE = 4534, TSTZMULTIRANGE_ARRAY = 6153;
    public static final int DATEMULTIRANGE = 4535, DATEMULTIRANGE_ARRAY = 6155;
    public static final int INT8MULTIRANGE = 4536, INT8MULTIRANGE_ARRAY = 6157;
    public static final int RECORD = 2249, RECORD_ARRAY = 2287;
    public static final int CSTRING = 2275, CSTRING_ARRAY = 1263;
    public static final int VOID = 2278;

    private Oids() {
    }
}

// The PostgreSQL type that stands for each of R2DBC's standard types.
package org.psycopg.r2dbc;

import io.r2dbc.spi.R2dbcType;

/** R2DBC's {@link R2dbcType}s as PostgreSQL type OIDs, for parameters bound with an explicit standard type. */
final class StandardTypes {

    private StandardTypes() {
    }

    static int oid(R2dbcType type) {
        return switch (type) {
            case CHAR, NCHAR -> 1042;
            case VARCHAR, NVARCHAR -> 1043;
            case CLOB, NCLOB -> 25;
            case BOOLEAN -> 16;
            case BINARY, VARBINARY, BLOB -> 17;
            case INTEGER -> 23;
            case TINYINT, SMALLINT -> 21;
            case BIGINT -> 20;
            case NUMERIC, DECIMAL -> 1700;
            case FLOAT, DOUBLE -> 701;
            case REAL -> 700;
            case DATE -> 1082;
            case TIME -> 1083;
            case TIME_WITH_TIME_ZONE -> 1266;
            case TIMESTAMP -> 1114;
            case TIMESTAMP_WITH_TIME_ZONE -> 1184;
            case COLLECTION -> 0;
        };
    }
}

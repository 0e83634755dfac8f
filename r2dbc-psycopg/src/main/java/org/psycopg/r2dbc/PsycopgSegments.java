// The R2DBC segment types a PsycopgResult emits.
package org.psycopg.r2dbc;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Result;
import org.psycopg.r2dbc.error.PostgresException;

/** Row, update count and error segments. */
final class PsycopgSegments {

    private PsycopgSegments() {
    }

    record Row(io.r2dbc.spi.Row row) implements Result.RowSegment {
    }

    record Count(long value) implements Result.UpdateCount {
    }

    /** An error of the statement; PostgreSQL has no numeric error codes, so errorCode() is 0. */
    record Error(R2dbcException exception) implements Result.Message {

        @Override
        public int errorCode() {
            return 0;
        }

        @Override
        public String sqlState() {
            return exception.getSqlState();
        }

        @Override
        public String message() {
            return exception instanceof PostgresException postgres ? postgres.details().message() : exception.getMessage();
        }
    }
}

// Names the database product for frameworks that pick a SQL dialect by it.
package org.psycopg.r2dbc;

import io.r2dbc.spi.ConnectionFactoryMetadata;

/** {@code PostgreSQL}, so that Spring Data R2DBC chooses its PostgreSQL dialect. */
public enum PsycopgConnectionFactoryMetadata implements ConnectionFactoryMetadata {
    INSTANCE;

    @Override
    public String getName() {
        return "PostgreSQL";
    }
}

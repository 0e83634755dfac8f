// What a connection says about the server it talks to.
package org.psycopg.r2dbc;

import io.r2dbc.spi.ConnectionMetadata;

/** The product name is always {@code PostgreSQL}; the version is the server's {@code server_version}. */
public record PsycopgConnectionMetadata(String serverVersion) implements ConnectionMetadata {

    @Override
    public String getDatabaseProductName() {
        return "PostgreSQL";
    }

    @Override
    public String getDatabaseVersion() {
        return serverVersion;
    }
}

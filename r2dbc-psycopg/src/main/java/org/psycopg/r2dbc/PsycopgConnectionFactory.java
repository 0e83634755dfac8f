// Creates connections to one PostgreSQL server from a PsycopgConnectionConfiguration.
package org.psycopg.r2dbc;

/** Placeholder: the engine session fills this in. */
public final class PsycopgConnectionFactory {
    public PsycopgConnectionFactory(PsycopgConnectionConfiguration configuration) {
    }
}
